import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { npm } from "./npm.js";
import { cleanEnv, run, runOk } from "./run.js";
import { ROOT } from "./workspace.js";

const ctx = inject("packaging");
const project = join(ctx.tmp, "consumer");
const TSC = join(ROOT, "tooling/packaging/node_modules/typescript/bin/tsc");

// A plain TypeScript consumer: ESM, moduleResolution node16, library d.ts files checked too.
const MAIN_TS = `import { IpPool, PoolExhaustedError, canonicalAddress } from "@zmgr/ipam";
import { IllumosHost, type ZoneListEntry } from "@zmgr/illumos-exec";
import { SimHost, createSimExecutor } from "@zmgr/illumos-sim";

const pool = IpPool.from({ name: "internal", network: "10.1.0.0/24", range: { start: "10.1.0.10", end: "10.1.0.11" } });
const first: string[] = pool.allocate([]);
let exhausted: string | undefined;
try {
  pool.allocate(["10.1.0.10", "10.1.0.11"]);
} catch (error) {
  if (error instanceof PoolExhaustedError) exhausted = error.code;
}
const zones: ZoneListEntry[] = await new IllumosHost(createSimExecutor(SimHost.fresh())).listZones();
// @ts-expect-error the declarations are real types, not any: a name is not a number
const wrong: number = pool.name;
console.log(JSON.stringify({ first, exhausted, v6: canonicalAddress("2001:DB8:0:0::1"), zones: zones.map((z) => z.name), wrong }));
`;

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "Node16",
    moduleResolution: "Node16",
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: ["node"],
  },
  include: ["main.ts", "all.ts"],
};

// The same program as plain JavaScript, run by Node from the installed packages.
const MAIN_MJS = MAIN_TS.replace(", type ZoneListEntry", "")
  .replace(/: string\[\]|: ZoneListEntry\[\]|: string \| undefined|: number/g, "")
  .replace(/^\/\/ @ts-expect-error.*\n/m, "");

// Every published entry point, for types (all.ts) and at run time (all.mjs).
const ALL_TS = `${ctx.packages.map((p, i) => `import * as p${i} from "${p.name}";`).join("\n")}
export const modules = [${ctx.packages.map((_, i) => `p${i}`).join(", ")}] as const;
`;
const ALL_MJS = `const names = ${JSON.stringify(ctx.packages.map((p) => p.name))};
const out = {};
for (const name of names) out[name] = Object.keys(await import(name)).length;
console.log(JSON.stringify(out));
`;

describe("a fresh npm project installing the packed tarballs", () => {
  beforeAll(async () => {
    await mkdir(project, { recursive: true });
    await writeFile(
      join(project, "package.json"),
      JSON.stringify({ name: "consumer", private: true, type: "module" }),
    );
    await writeFile(join(project, "main.ts"), MAIN_TS);
    await writeFile(join(project, "main.mjs"), MAIN_MJS);
    await writeFile(join(project, "all.ts"), ALL_TS);
    await writeFile(join(project, "all.mjs"), ALL_MJS);
    await writeFile(join(project, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
    const tarballs = ctx.packages.map((p) => p.tarball);
    await npm(ctx, ["install", "--no-audit", "--no-fund", ...tarballs, "@types/node@20"], project);
  }, 660_000);

  it("imports @zmgr/ipam and @zmgr/illumos-exec as ESM and they work", async () => {
    const { stdout } = await runOk(process.execPath, ["main.mjs"], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      first: ["10.1.0.10/24"],
      exhausted: "zmgr::pool::exhausted",
      v6: "2001:db8::1",
      zones: ["global"],
      wrong: "internal",
    });
  });

  it("imports every published package at run time, each with named exports", async () => {
    const { stdout } = await runOk(process.execPath, ["all.mjs"], { cwd: project });
    const counts = JSON.parse(stdout) as Record<string, number>;
    expect(Object.keys(counts).sort()).toEqual(ctx.packages.map((p) => p.name).sort());
    for (const [name, count] of Object.entries(counts)) expect(count, name).toBeGreaterThan(0);
  });

  it("type-checks against the shipped declarations for all packages (tsc --noEmit, node16, skipLibCheck off)", async () => {
    const result = await run(process.execPath, [TSC, "--noEmit", "-p", "."], { cwd: project });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("installs working zmgr and zmgr-import commands into node_modules/.bin", async () => {
    const bin = join(project, "node_modules/.bin");
    const cli = ctx.packages.find((p) => p.name === "@zmgr/cli")!;
    const version = await runOk(join(bin, "zmgr"), ["--version"], {
      cwd: project,
      env: cleanEnv(),
    });
    expect(version.stdout.trim()).toBe(cli.version);
    const help = await runOk(join(bin, "zmgr-import"), ["--help"], {
      cwd: project,
      env: cleanEnv(),
    });
    expect(help.stdout).toMatch(/^Usage: zmgr-import /m);
  });

  it("installs each @zmgr package once, from its packed tarball", async () => {
    const lock = JSON.parse(await readFile(join(project, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version?: string; resolved?: string }>;
    };
    const installed = Object.keys(lock.packages).filter((path) => path.includes("@zmgr/"));
    expect(installed.sort()).toEqual(ctx.packages.map((p) => `node_modules/${p.name}`).sort());
    for (const p of ctx.packages) {
      const entry = lock.packages[`node_modules/${p.name}`];
      expect(entry?.version, p.name).toBe(p.version);
      expect(entry?.resolved, p.name).toBe(`file:../packed/${basename(p.tarball)}`);
    }
  });
});
