import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { createSimExecutor, SimHost } from "@zmgr/illumos-sim";
import { Registry } from "@zmgr/registry";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "./main.js";
import { type TempRegistry, tempRegistry } from "./test-helpers.js";

let reg: TempRegistry;
beforeEach(async () => {
  reg = await tempRegistry();
});
afterEach(() => reg.cleanup());

function host(): SimHost {
  return SimHost.fresh()
    .withLink({ name: "web1_0", class: "vnic", over: "oinetint0" })
    .withZone({
      name: "web1",
      brand: "ipkg",
      nets: [{ physical: "web1_0", allowedAddress: "10.1.0.11/24" }],
    });
}

async function cli(args: string[], sim: SimHost = host(), interrupt = false) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, "--registry", reg.root], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: {},
    home: "/nonexistent",
    createExecutor: () => createSimExecutor(sim),
    ...(interrupt
      ? {
          onInterrupt: (handler: () => void) => {
            handler();
            return () => {};
          },
        }
      : {}),
  });
  return { code, out: out.join(""), err: err.join("") };
}

describe("zmgr-import main", () => {
  it("exits 2 and lists the candidates when given neither names nor --all", async () => {
    const { code, out } = await cli([]);
    expect(code).toBe(2);
    expect(out).toContain("  web1\n");
    expect(out).toContain("help: name them (`zmgr-import web1`)");
  });

  it("imports with --all and exits 0", async () => {
    const { code, out } = await cli(["--all"]);
    expect(code).toBe(0);
    expect(out).toContain("✔ web1 imported, template oi");
    expect(await readdir(join(reg.root, "zones"))).toEqual(["web1.kdl"]);
  });

  it("prints only the JSON report with --json", async () => {
    const { code, out } = await cli(["web1", "--json", "--dry-run"]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.entries[0]).toMatchObject({
      zone: "web1",
      outcome: "would-import",
      file: "zones/web1.kdl",
    });
    expect(report.entries[0].text).toContain('zone "web1"');
    expect(await readdir(join(reg.root, "zones"))).toEqual([]);
  });

  it("refuses a lock timeout that is not a number with exit 2", async () => {
    const { code, err } = await cli(["--all", "--lock-timeout", "soon"]);
    expect(code).toBe(2);
    expect(err).toContain("expected a number of seconds");
  });

  it("reports a failed write with exit 1 when the registry lock stays taken", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const taken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = Registry.open(reg.root).withLock(
      async () => {
        locked();
        await held;
      },
      { timeoutMs: 5000 },
    );
    await taken;
    const { code, out } = await cli(["--all", "--lock-timeout", "0.2"]);
    release();
    await holder;
    expect(code).toBe(1);
    expect(out).toMatch(/✖ web1 failed: .*lock/);
    expect(await readdir(join(reg.root, "zones"))).toEqual([]);
  });

  it("writes nothing once interrupted, and exits 1", async () => {
    const { code, out } = await cli(["--all"], host(), true);
    expect(code).toBe(1);
    expect(out).toContain("web1");
    expect(await readdir(join(reg.root, "zones"))).toEqual([]);
  });

  it("runs against the file-backed simulator with --simulate and --sim-state", async () => {
    const state = join(reg.root, "sim.json");
    await reg.write("sim.json", JSON.stringify(host().toJSON()));
    const out: string[] = [];
    const code = await main(["--all", "--simulate", "--sim-state", state, "--registry", reg.root], {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
      env: {},
      home: "/nonexistent",
    });
    expect(out.join("")).toContain("web1 imported");
    expect(code).toBe(0);
  });
});
