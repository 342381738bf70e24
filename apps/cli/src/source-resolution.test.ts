import { describe, expect, it } from "vitest";

// Workspace packages must resolve to their `src` through the `@zmgr/source` condition
// (vitest.shared.ts puts it in ssr.resolve.conditions). If resolution fell through to `dist`
// (or found none), the package entry would be a different module instance from the source file,
// and these identity checks fail. Verified by running this file with a config lacking the condition.
const cases: [
  string,
  () => Promise<Record<string, unknown>>,
  () => Promise<Record<string, unknown>>,
  string,
][] = [
  [
    "@zmgr/errors",
    () => import("@zmgr/errors"),
    () => import("../../../packages/errors/src/index.ts"),
    "ZmgrError",
  ],
  [
    "@zmgr/ipam",
    () => import("@zmgr/ipam"),
    () => import("../../../packages/ipam/src/index.ts"),
    "IpPool",
  ],
  [
    "@zmgr/kdl-schema",
    () => import("@zmgr/kdl-schema"),
    () => import("../../../packages/kdl-schema/src/index.ts"),
    "parseDocument",
  ],
  [
    "@zmgr/illumos-exec",
    () => import("@zmgr/illumos-exec"),
    () => import("../../../packages/illumos-exec/src/index.ts"),
    "runPlan",
  ],
  [
    "@zmgr/registry",
    () => import("@zmgr/registry"),
    () => import("../../../packages/registry/src/index.ts"),
    "Registry",
  ],
  [
    "@zmgr/validate",
    () => import("@zmgr/validate"),
    () => import("../../../packages/validate/src/index.ts"),
    "validateSnapshot",
  ],
  [
    "@zmgr/importer",
    () => import("@zmgr/importer"),
    () => import("../../../apps/importer/src/index.ts"),
    "importHost",
  ],
];

describe("workspace imports resolve to source", () => {
  for (const [pkg, viaPackage, viaSource, name] of cases) {
    it(`loads ${pkg} from its src/, not dist/`, async () => {
      const [a, b] = await Promise.all([viaPackage(), viaSource()]);
      expect(typeof a[name]).toBe("function");
      expect(a[name]).toBe(b[name]);
    });
  }
});
