// SPEC §3.2 "each step is safe to repeat": `kill -9` of `zmgr destroy` at a random moment, then
// `destroy` again, finishes the job; the zones nobody touched stay exactly as they were.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Started, signal, waitGroupGone, world } from "./helpers.js";
import { registryZones, strayFiles, unparsable } from "./registry-checks.js";

const KILLS = 12;
const PARALLEL = 4;

async function killAfter(p: Started, ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
  signal(p, "SIGKILL");
  const exit = await p.done;
  await waitGroupGone(p.pid);
  // Killed, or finished first: anything else (a missing build, a crash) fails here, with its stderr.
  if (exit.signal !== "SIGKILL")
    expect(exit.code, `a destroy that was not killed failed:\n${exit.stderr}`).toBe(0);
}

describe("crash safety: kill -9 of destroy at random moments", () => {
  it(`${KILLS} destroys killed, then re-run: every zone gone, the bystander untouched`, async () => {
    const w = await world();
    // Running zones (autoboot), so a destroy has every step: halt, uninstall, delete, VNIC.
    await writeFile(
      join(w.registry, "templates/boot.kdl"),
      'template "boot" {\n  brand "ipkg"\n  autoboot #true\n  net "internal" { pool "internal"; }\n}\n',
    );
    const victims = Array.from({ length: KILLS }, (_, i) => `d${i}`);
    const created = await Promise.all(
      ["keep", ...victims].map((n) => w.zmgr("create", n, "-t", "boot", "--lock-timeout", "600")),
    );
    for (const r of created) expect(r.code, r.stderr).toBe(0);
    const made = victims;
    const keepFile = (await w.files())["zones/keep.kdl"];
    const keepHost = JSON.stringify((await w.sim()).zones.find((z) => z.name === "keep"));

    // The normal run time of a destroy, as the kills will run (PARALLEL at once).
    const t0 = performance.now();
    const base = made.slice(0, 1);
    for (const r of await Promise.all(base.map((n) => w.zmgr("destroy", n, "--yes"))))
      expect(r.code, r.stderr).toBe(0);
    const normalMs = (performance.now() - t0) * 1.5;

    const targets = made.slice(1);
    for (let i = 0; i < targets.length; i += PARALLEL) {
      await Promise.all(
        targets
          .slice(i, i + PARALLEL)
          .map((n) =>
            killAfter(
              w.start("destroy", n, "--yes", "--lock-timeout", "600"),
              Math.random() * normalMs,
            ),
          ),
      );
      expect(unparsable(await w.files())).toEqual({});
    }

    const left = [...registryZones(await w.files()).keys()].filter((n) => n !== "keep");
    const hostNow = await w.sim();
    const partial = left.filter(
      (n) => hostNow.zones.find((z) => z.name === n)?.state !== "running",
    ).length;
    console.info(
      `crash-destroy: ${targets.length} kills within ${Math.round(normalMs)} ms: ${left.length} unfinished (${partial} half-way)`,
    );
    expect(left.length).toBeGreaterThan(0); // not vacuous
    for (const n of left) {
      const r = await w.zmgr("destroy", n, "--yes", "--lock-timeout", "600");
      expect(r.code, `${n}: ${r.stdout}${r.stderr}`).toBe(0);
    }

    const files = await w.files();
    expect([...registryZones(files).keys()]).toEqual(["keep"]);
    expect(files["zones/keep.kdl"]).toBe(keepFile);
    expect(strayFiles(files)).toEqual([]);
    const sim = await w.sim();
    expect(sim.zones.map((z) => z.name)).toEqual(["keep"]);
    expect(JSON.stringify(sim.zones[0])).toBe(keepHost);
    expect(sim.links.filter((l) => l.class === "vnic").map((l) => l.name)).toEqual(["keep0"]);
    expect((await w.zmgr("status")).code).toBe(0);
  }, 900_000);
});
