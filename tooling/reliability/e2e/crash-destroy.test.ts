// SPEC §3.2 "each step is safe to repeat": `kill -9` of `zmgr destroy` at a random moment, then
// `destroy` again, finishes the job; the zones nobody touched stay exactly as they were.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { world } from "./helpers.js";
import { killAt, runCounted } from "./kill-at.js";
import { registryZones, strayFiles, unparsable } from "./registry-checks.js";
import { testSeed } from "./seed.js";

const KILLS = 12;
const PARALLEL = 4;
/** A kill lands up to this long after its host command started (also between commands). */
const JITTER_MS = 60;

describe("crash safety: kill -9 of destroy at random moments", () => {
  it(`${KILLS} destroys killed, then re-run: every zone gone, the bystander untouched`, async () => {
    const { random } = testSeed();
    const w = await world({ record: true });
    // Running zones (autoboot), so a destroy has every step: halt, uninstall, delete, VNIC.
    await writeFile(
      join(w.registry, "templates/boot.kdl"),
      'template "boot" {\n  brand "ipkg"\n  autoboot #true\n  net "internal" { pool "internal"; }\n}\n',
    );
    const victims = Array.from({ length: KILLS }, (_, i) => `d${i}`);
    const created = await Promise.all(
      ["keep", ...victims].map((n) => w.zmgr("create", n, "-t", "boot")),
    );
    for (const r of created) expect(r.code, r.stderr).toBe(0);
    const made = victims;
    const keepFile = (await w.files())["zones/keep.kdl"];
    const keepHost = JSON.stringify((await w.sim()).zones.find((z) => z.name === "keep"));

    // How many host commands a destroy runs: each kill picks one of them (or the very start) and
    // lands once that command has started, whatever the machine's load.
    const base = await runCounted(w, "base", "destroy", made[0] ?? "", "--yes");
    expect(base.exit.code, base.exit.stderr).toBe(0);
    const commands = base.commands;
    expect(commands).toBeGreaterThan(3);

    const targets = made.slice(1);
    for (let i = 0; i < targets.length; i += PARALLEL) {
      await Promise.all(
        targets.slice(i, i + PARALLEL).map(async (n) => {
          // Before the last command has started: a destroy removes its file right after it.
          const point = {
            afterCommands: Math.floor(random() * commands),
            thenMs: random() * JITTER_MS,
          };
          const { killed, exit } = await killAt(w, n, point, "destroy", n, "--yes");
          // Killed, or finished first: anything else (a missing build, a crash) fails here.
          if (!killed)
            expect(exit.code, `destroy ${n} was not killed and failed:\n${exit.stderr}`).toBe(0);
        }),
      );
      expect(unparsable(await w.files())).toEqual({});
    }

    const left = [...registryZones(await w.files()).keys()].filter((n) => n !== "keep");
    const hostNow = await w.sim();
    const partial = left.filter(
      (n) => hostNow.zones.find((z) => z.name === n)?.state !== "running",
    ).length;
    console.info(
      `crash-destroy: ${targets.length} kills at one of ${commands} host commands (+ up to ${JITTER_MS} ms): ${left.length} unfinished (${partial} half-way)`,
    );
    expect(left.length).toBeGreaterThan(0); // not vacuous
    for (const n of left) {
      const r = await w.zmgr("destroy", n, "--yes");
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
