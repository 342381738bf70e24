// SPEC §3.1.6: Ctrl-C during install rolls back; a second Ctrl-C exits at once and leaves an
// interrupted reservation that `status` reports and `destroy --yes` cleans up.
// Ctrl-C on a terminal signals the whole foreground process group (zmgr and the simulated command
// it runs): so do these tests. Each signal is sent once the simulator has recorded the slow command
// (an event), never after a guessed time. (Was also in apps/cli/e2e/interrupt.test.ts, which
// signalled zmgr alone, 200 ms apart, and slept 5 s for an orphaned install: removed.)
import { describe, expect, it } from "vitest";
import { signal, until, waitGroupGone, world } from "./helpers.js";
import { type DriftJson, registryZones } from "./registry-checks.js";

const SLOW = 600_000; // the simulated command's delay: far longer than the test ever waits

describe("Ctrl-C (SIGINT) during create", () => {
  it("one Ctrl-C during install rolls back: host and registry as before", async () => {
    const w = await world();
    expect((await w.zmgr("create", "keep")).code).toBe(0);
    const host = await w.hostState();
    const files = await w.files();

    await w.inject({ match: "zoneadm -z int1 install", delayMs: SLOW });
    const p = w.start("create", "int1");
    await until(async () =>
      (await w.sim()).delays.some((d) => d.argv.startsWith("zoneadm -z int1 install")),
    );
    expect(signal(p, "SIGINT", { group: true })).toBe(true);
    const exit = await p.done;
    await waitGroupGone(p.pid);

    expect(exit.code, exit.stdout + exit.stderr).toBe(1);
    expect(exit.stderr).toContain("zmgr::create::interrupted");
    expect(exit.stdout + exit.stderr).toContain("rolled back");
    expect(await w.hostState()).toBe(host);
    expect(await w.files()).toEqual(files);
  }, 300_000);

  it("a second Ctrl-C exits at once, leaving an interrupted reservation", async () => {
    const w = await world();
    // The install is slow, and so is the first undo command: the second Ctrl-C lands mid-rollback.
    await w.inject(
      { match: "zoneadm -z int2 install", delayMs: SLOW },
      { match: "zoneadm -z int2 uninstall", delayMs: SLOW },
    );
    const p = w.start("create", "int2");
    await until(async () =>
      (await w.sim()).delays.some((d) => d.argv.startsWith("zoneadm -z int2 install")),
    );
    expect(signal(p, "SIGINT", { group: true })).toBe(true);
    await until(async () =>
      (await w.sim()).delays.some((d) => d.argv.startsWith("zoneadm -z int2 uninstall")),
    );
    expect(signal(p, "SIGINT", { group: true })).toBe(true);
    const exit = await p.done;
    await waitGroupGone(p.pid);
    expect(exit.code, exit.stdout + exit.stderr).toBe(130);

    const zone = registryZones(await w.files()).get("int2");
    expect(zone?.status?.state).toBe("creating");
    expect(zone?.status?.pid).toBe(p.pid);
    const status = await w.zmgr("status", "--json");
    expect(status.code).toBe(3);
    const drift = JSON.parse(status.stdout) as DriftJson;
    expect(drift.items).toEqual([
      expect.objectContaining({
        kind: "create-interrupted",
        zone: "int2",
        cleanup: expect.arrayContaining(["zmgr destroy int2 --yes"]),
      }),
    ]);
    const human = await w.zmgr("status");
    expect(human.stdout + human.stderr).toContain("interrupted");

    await w.clearFaults();
    const d = await w.zmgr("destroy", "int2", "--yes");
    expect(d.code, d.stdout + d.stderr).toBe(0);
    const sim = await w.sim();
    expect(sim.zones).toEqual([]);
    expect(sim.links.filter((l) => l.class === "vnic")).toEqual([]);
    expect(Object.keys(await w.files()).filter((f) => f.startsWith("zones/"))).toEqual([]);
    expect((await w.zmgr("status")).code).toBe(0);
  }, 300_000);
});
