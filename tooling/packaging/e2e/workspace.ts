import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** The monorepo root (this file is tooling/packaging/e2e/workspace.ts). */
export const ROOT = resolve(here, "../../..");

/** The published packages: npm name → directory relative to ROOT. */
export const PUBLISHED = {
  "@zmgr/errors": "packages/errors",
  "@zmgr/kdl-schema": "packages/kdl-schema",
  "@zmgr/ipam": "packages/ipam",
  "@zmgr/illumos-exec": "packages/illumos-exec",
  "@zmgr/illumos-sim": "packages/illumos-sim",
  "@zmgr/registry": "packages/registry",
  "@zmgr/validate": "packages/validate",
  "@zmgr/importer": "apps/importer",
  "@zmgr/cli": "apps/cli",
} as const;

export type PackageName = keyof typeof PUBLISHED;
export const PACKAGE_NAMES = Object.keys(PUBLISHED) as PackageName[];

/** The file name `pnpm pack` gives a scoped package: `@zmgr/ipam@0.1.0` → `zmgr-ipam-0.1.0.tgz`. */
export function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`;
}

/**
 * Refuse to pack what was never built: turbo's test:e2e depends on build, a bare run may not.
 * Waits up to 30 s first, since another build in a shared checkout may be rewriting a `dist`.
 */
export async function assertBuilt(): Promise<void> {
  const missing = () =>
    PACKAGE_NAMES.filter((n) => !existsSync(join(ROOT, PUBLISHED[n], "dist/index.js")));
  for (let waited = 0; missing().length > 0 && waited < 30_000; waited += 500)
    await new Promise((resolve) => setTimeout(resolve, 500));
  if (missing().length > 0)
    throw new Error(
      `not built: ${missing().join(", ")}. Run \`pnpm turbo run test:e2e --filter @zmgr/packaging\` at the root (it builds first) or \`pnpm build\`.`,
    );
}
