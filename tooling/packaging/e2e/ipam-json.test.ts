import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { npm, tarballOf } from "./npm.js";
import { run, runOk } from "./run.js";
import { ROOT } from "./workspace.js";

const ctx = inject("packaging");
const project = join(ctx.tmp, "ipam-json");
const TSC = join(ROOT, "tooling/packaging/node_modules/typescript/bin/tsc");

// Every result type of @zmgr/ipam through JSON.stringify, in a project that installs only
// @zmgr/ipam and @zmgr/errors from their packed tarballs.
const MAIN_TS = `import {
  IpPool, PoolExhaustedError, canonicalAddress, findPool, intersection, parseAddress, parseNetwork,
  validatePool, type UtilisationJson,
} from "@zmgr/ipam";
import { isZmgrError } from "@zmgr/errors";

const v4 = IpPool.from({ name: "internal", network: "10.1.0.0/24", range: { start: "10.1.0.10", end: "10.1.0.12" } });
const v6 = IpPool.from({ name: "v6", network: "2001:db8::/64", range: { start: "2001:db8::1", end: "2001:db8::ffff:ffff:ffff:ffff" } });
let exhausted: unknown;
try {
  v4.allocate(["10.1.0.10", "10.1.0.11", "10.1.0.12"]);
} catch (error) {
  exhausted = error;
}
const small: UtilisationJson = v4.utilisation(["10.1.0.10"]).toJSON();
console.log(JSON.stringify({
  small,
  big: v6.utilisation(["2001:db8::1"]),
  pool: v4,
  found: findPool([v4, v6], "2001:db8::5"),
  parsed: parseAddress("10.1.0.1/24"),
  network: parseNetwork("10.1.0.0/24"),
  intersection: intersection(v4, v4),
  allocated: v4.allocate([]),
  canonical: canonicalAddress("2001:DB8::1"),
  problems: validatePool({ name: "b", network: "10.0.0.0/24", gateway: "10.9.0.1", addresses: [] }).map((p) => p.code),
  exhausted,
  recognised: isZmgrError(exhausted),
  isExhausted: exhausted instanceof PoolExhaustedError,
}));
`;

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "Node16",
    moduleResolution: "Node16",
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
  include: ["main.ts"],
};

describe("a plain npm project with only @zmgr/ipam and @zmgr/errors", () => {
  beforeAll(async () => {
    await mkdir(project, { recursive: true });
    await writeFile(
      join(project, "package.json"),
      JSON.stringify({ name: "ipam-json", private: true, type: "module" }),
    );
    await writeFile(join(project, "main.ts"), MAIN_TS);
    await writeFile(join(project, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
    const tarballs = [tarballOf(ctx, "@zmgr/ipam"), tarballOf(ctx, "@zmgr/errors")];
    await npm(ctx, ["install", "--no-audit", "--no-fund", ...tarballs], project);
  }, 660_000);

  it("type-checks a program using the documented API against the shipped declarations", async () => {
    const result = await run(process.execPath, [TSC, "-p", "."], { cwd: project });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("JSON.stringifies every result type, bigints as decimal strings", async () => {
    await runOk(process.execPath, [TSC, "-p", ".", "--noEmit", "false", "--outDir", "out"], {
      cwd: project,
    });
    const { stdout } = await runOk(process.execPath, ["out/main.js"], { cwd: project });
    const out = JSON.parse(stdout);
    expect(out.small).toEqual({
      size: "3",
      used: 1,
      free: "2",
      percent: expect.closeTo(33.333, 3),
      usedAddresses: ["10.1.0.10"],
    });
    expect(out.big).toMatchObject({ size: "18446744073709551615", free: "18446744073709551614" });
    expect(out.pool).toMatchObject({ name: "internal", size: "3", network: "10.1.0.0/24" });
    expect(out.found).toMatchObject({ match: "allocatable", pool: { name: "v6" } });
    expect(out.parsed).toEqual({ family: 4, value: "167837697", prefix: 24 });
    expect(out.network).toMatchObject({ base: "167837696", broadcast: "167837951" });
    expect(out.intersection).toBe("10.1.0.10");
    expect(out.allocated).toEqual(["10.1.0.10/24"]);
    expect(out.canonical).toBe("2001:db8::1");
    expect(out.problems).toEqual(["zmgr::pool::gateway_outside_network"]);
    expect(out.exhausted).toMatchObject({
      code: "zmgr::pool::exhausted",
      size: "3",
      free: "0",
    });
    expect([out.recognised, out.isExhausted]).toEqual([true, true]);
  });
});
