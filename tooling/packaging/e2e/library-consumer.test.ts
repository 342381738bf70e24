import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { npm, tarballOf } from "./npm.js";
import { run, runOk } from "./run.js";
import { ROOT } from "./workspace.js";

const ctx = inject("packaging");
const project = join(ctx.tmp, "library-consumer");
const TSC = join(ROOT, "tooling/packaging/node_modules/typescript/bin/tsc");
const LIBRARIES = ["@zmgr/illumos-exec", "@zmgr/ipam", "@zmgr/errors"];

// The documented API of both libraries (their READMEs), on outputs as illumos prints them
// (COMMANDS.md, captures): every illumos-exec result goes through JSON.stringify.
const MAIN_TS = `import { IpPool, canonicalAddress } from "@zmgr/ipam";
import {
  IllumosHost,
  illumosCommands,
  parseZoneadmList,
  runPlan,
  type Plan,
  type PlanResult,
  type ZoneListEntry,
} from "@zmgr/illumos-exec";
import { FakeExecutor } from "@zmgr/illumos-exec/testing";

const fake = new FakeExecutor()
  .expect(["zoneadm", "list", "-cp"], {
    stdout: "0:global:running:/::ipkg:shared:0\\n-:web:installed:/zones/web:0b9a6b51-6a3c-4b36-9c6f-5a3b1c1d2e3f:lipkg:excl:1\\n",
  })
  .expect(["zonecfg", "-z", "web", "info"], {
    stdout: "zonename: web\\nzonepath: /zones/web\\nbrand: lipkg\\nautoboot: false\\nip-type: exclusive\\nnet:\\n\\taddress not specified\\n\\tallowed-address: 10.1.0.5/24\\n\\tphysical: web0\\n\\tdefrouter: 10.1.0.1\\n",
  })
  .expect(["dladm", "show-vnic", "-p", "-o", "link,over,macaddress,vid"], {
    stdout: "web0:oinetint0:2\\\\:8\\\\:20\\\\:1\\\\:2\\\\:3:0\\n",
  })
  .expect(["dladm", "create-vnic", "-l", "oinetint0", "web1"]);
const host = new IllumosHost(fake);
const zones: ZoneListEntry[] = await host.listZones();
const info = await host.zoneInfo("web");
const vnics = await host.showVnics();
const plan: Plan = {
  title: "add a VNIC",
  steps: [{ id: "vnic", title: "create web1", commands: [illumosCommands.createVnic("web1", "oinetint0")], run: (c) => new IllumosHost(c.exec).createVnic("web1", "oinetint0") }],
};
const result: PlanResult = await runPlan(plan, { exec: fake });
fake.assertDone();
const parsed = parseZoneadmList("-:db:configured:/zones/db::ipkg:shared:0\\n");
const pool = IpPool.from({ name: "internal", network: "10.1.0.0/24", range: { start: "10.1.0.10", end: "10.1.0.20" } });
const address: string[] = pool.allocate([]);
console.log(JSON.stringify({ zones, info, vnics, result, parsed, address, v6: canonicalAddress("2001:DB8::1") }));
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
  include: ["main.ts"],
};

/** Bytes of every file under `dir`. */
async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? await sizeOf(p) : (await stat(p)).size;
  }
  return total;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out;
}

describe("a plain npm project installing only @zmgr/illumos-exec and @zmgr/ipam", () => {
  beforeAll(async () => {
    await mkdir(project, { recursive: true });
    await writeFile(
      join(project, "package.json"),
      JSON.stringify({ name: "library-consumer", private: true, type: "module" }),
    );
    await writeFile(join(project, "main.ts"), MAIN_TS);
    await writeFile(join(project, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
    const tarballs = LIBRARIES.map((n) => tarballOf(ctx, n));
    await npm(ctx, ["install", "--no-audit", "--no-fund", ...tarballs, "@types/node@20"], project);
  }, 660_000);

  it("gets no simulator code (and reports the installed sizes)", async () => {
    const scope = join(project, "node_modules/@zmgr");
    expect((await readdir(scope)).sort()).toEqual(["errors", "illumos-exec", "ipam"]);
    const sizes: Record<string, number> = {};
    for (const name of ["errors", "illumos-exec", "ipam"]) {
      const dir = join(scope, name);
      sizes[`@zmgr/${name}`] = await sizeOf(dir);
      for (const file of await filesUnder(dir)) {
        expect(file).not.toMatch(/sim/);
        if (!file.endsWith(".md")) {
          expect(await readFile(file, "utf8"), file).not.toMatch(/SimHost|zmgr-sim|illumos-sim/);
        }
      }
    }
    sizes["node_modules (all)"] = await sizeOf(join(project, "node_modules"));
    console.log(`installed sizes (bytes): ${JSON.stringify(sizes)}`);
  });

  it("type-checks a program using the documented API (tsc, node16, skipLibCheck off)", async () => {
    const result = await run(process.execPath, [TSC, "--noEmit", "-p", "."], { cwd: project });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("runs it: every illumos-exec result survives JSON.stringify", async () => {
    await runOk(process.execPath, [TSC, "-p", ".", "--noEmit", "false", "--outDir", "out"], {
      cwd: project,
    });
    const { stdout } = await runOk(process.execPath, [join("out", "main.js")], { cwd: project });
    const out = JSON.parse(stdout);
    expect(out.zones).toEqual([
      expect.objectContaining({ id: 0, name: "global", state: "running", ipType: "shared" }),
      expect.objectContaining({ name: "web", state: "installed", zonepath: "/zones/web" }),
    ]);
    expect(out.info).toMatchObject({ zonename: "web", zonepath: "/zones/web", brand: "lipkg" });
    expect(out.info.nets).toEqual([
      expect.objectContaining({ physical: "web0", allowedAddress: "10.1.0.5/24" }),
    ]);
    expect(out.vnics).toEqual([
      expect.objectContaining({ link: "web0", over: "oinetint0", macaddress: "2:8:20:1:2:3" }),
    ]);
    expect(out.result).toMatchObject({
      ok: true,
      steps: [{ id: "vnic", title: "create web1", status: "done" }],
    });
    expect(out.parsed).toEqual([expect.objectContaining({ name: "db", state: "configured" })]);
    expect(out.address).toEqual(["10.1.0.10/24"]);
  });
});
