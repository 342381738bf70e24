import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { world, ZMGR } from "./helpers.js";

/** Makes the simulated `zoneadm -z <zone> install` take `ms` (a fault in the state file). */
function slowInstall(stateFile: string, zone: string, ms: number): void {
  const state = JSON.parse(readFileSync(stateFile, "utf8")) as { faults: unknown[] };
  state.faults.push({
    match: `zoneadm -z ${zone} install`,
    nth: 1,
    times: 1,
    seen: 0,
    delayMs: ms,
  });
  writeFileSync(stateFile, JSON.stringify(state));
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function startCreate(env: NodeJS.ProcessEnv, zone: string) {
  const child = spawn(process.execPath, [ZMGR, "create", zone], { env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const exit = new Promise<number>((res) =>
    child.on("exit", (code, signal) => res(code ?? (signal ? 128 : 1))),
  );
  return { child, exit, out: () => stdout, err: () => stderr };
}

describe("Ctrl-C during create (built bin)", () => {
  it("one Ctrl-C: the running install finishes, then everything is rolled back", async () => {
    const w = await world();
    await w.zmgr("init");
    await w.zmgr("list");
    slowInstall(w.env.ZMGR_SIM_STATE as string, "slow", 3000);
    const before = (await w.zmgr("list", "--json")).stdout;
    const run = startCreate(w.env, "slow");
    await until(() => run.out().includes("configure zone slow"), "the install step");
    run.child.kill("SIGINT");
    expect(await run.exit).toBe(1);
    expect(run.err()).toContain("zmgr::create::interrupted");
    expect(existsSync(join(w.registry, "zones/slow.kdl"))).toBe(false);
    expect((await w.zmgr("list", "--json")).stdout).toBe(before);
    expect((await w.zmgr("status")).code).toBe(0);
  });

  it("a second Ctrl-C exits at once and leaves an interrupted reservation", async () => {
    const w = await world();
    await w.zmgr("init");
    await w.zmgr("list");
    slowInstall(w.env.ZMGR_SIM_STATE as string, "slow", 5000);
    const run = startCreate(w.env, "slow");
    await until(() => run.out().includes("configure zone slow"), "the install step");
    run.child.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 200));
    run.child.kill("SIGINT");
    expect(await run.exit).toBe(130);
    expect(readFileSync(join(w.registry, "zones/slow.kdl"), "utf8")).toContain('status "creating"');
    const status = await w.zmgr("status", "--json");
    expect(status.code).toBe(3);
    expect(JSON.parse(status.stdout).items).toEqual([
      expect.objectContaining({
        kind: "create-interrupted",
        zone: "slow",
        cleanup: ["zmgr destroy slow --yes"],
      }),
    ]);
    await new Promise((r) => setTimeout(r, 5000)); // let the orphaned install finish
    expect((await w.zmgr("destroy", "slow", "--yes")).code).toBe(0);
    expect((await w.zmgr("status")).code).toBe(0);
  });
});
