// SPEC §3.1.5, §3.2, §3.3: a failure injected into every command a create, destroy or import runs.
// create ends exactly as before (simulator state minus counters, registry bytes); destroy and
// import finish when re-run, with nothing lost.
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type World, world } from "./helpers.js";
import { registryZones, strayFiles } from "./registry-checks.js";

/** A template that makes create run every kind of step: 2 VNICs, zonecfg, install, pkg, boot. */
async function fullTemplate(w: World): Promise<void> {
  await writeFile(
    join(w.registry, "publishers/extra.kdl"),
    'publisher "extra" {\n  origin "https://pkg.example.org/extra"\n}\n',
  );
  await writeFile(
    join(w.registry, "templates/full.kdl"),
    [
      'template "full" {',
      '  brand "ipkg"',
      "  autoboot #true",
      '  ip-type "exclusive"',
      '  net "internal" { pool "internal"; }',
      '  net "public" { pool "public"; }',
      '  publisher "openindiana.org"',
      '  publisher "extra"',
      "}",
      "",
    ].join("\n"),
  );
}

/**
 * The fault for the i-th command of a recorded run: the sim matches a prefix of the joined argv,
 * so temp-file paths (`zonecfg -f /tmp/…`) are cut off, and `nth` counts the earlier matches.
 */
function faultAt(log: string[][], i: number): { match: string; nth: number } {
  const argv = log[i] ?? [];
  const f = argv.indexOf("-f");
  const match = (f >= 0 ? argv.slice(0, f + 1) : argv).join(" ");
  const nth = log.slice(0, i + 1).filter((a) => a.join(" ").startsWith(match)).length;
  return { match, nth };
}

/** Runs `fn` and returns the argv of every simulated command it ran. */
async function recorded(w: World, fn: () => Promise<unknown>): Promise<string[][]> {
  const before = (await w.argvs()).length;
  await fn();
  return (await w.argvs()).slice(before);
}

describe("failure injection at every step", () => {
  it("create: a failure at any command leaves host and registry byte-for-byte as before", async () => {
    const w = await world({ record: true });
    await fullTemplate(w);
    expect((await w.zmgr("create", "keep")).code).toBe(0);

    // A clean run, to learn the commands; then destroy it to get back to the start.
    const log = await recorded(w, async () => {
      const r = await w.zmgr("create", "full1", "-t", "full");
      expect(r.code, r.stderr).toBe(0);
    });
    expect(log.map((a) => a.slice(0, 2).join(" "))).toEqual(
      expect.arrayContaining(["dladm create-vnic", "zonecfg -z", "zoneadm -z", "pkg -R"]),
    );
    expect((await w.zmgr("destroy", "full1", "--yes")).code).toBe(0);
    const host = await w.hostState();
    const files = await w.files();

    for (let i = 0; i < log.length; i++) {
      const fault = faultAt(log, i);
      await w.inject({ ...fault, exitCode: 1, stderr: `injected failure at ${fault.match}` });
      const r = await w.zmgr("create", "full1", "-t", "full", "--json");
      expect(r.code, `${fault.match} #${fault.nth}: ${r.stdout}${r.stderr}`).toBe(1);
      const sim = await w.sim();
      expect(
        sim.faults.every((f) => f.seen >= f.nth),
        `fault ${fault.match} fired`,
      ).toBe(true);
      expect(await w.hostState(), `host after a failure at ${fault.match}`).toBe(host);
      expect(await w.files(), `registry after a failure at ${fault.match}`).toEqual(files);
      await w.clearFaults();
    }
  }, 1_800_000);

  it("destroy: a failure at any command, then destroy again finishes, nothing else touched", async () => {
    const w = await world({ record: true });
    await fullTemplate(w);
    expect((await w.zmgr("create", "keep")).code).toBe(0);

    const make = async () => {
      const r = await w.zmgr("create", "gone", "-t", "full");
      expect(r.code, r.stderr).toBe(0);
    };
    await make();
    const keepFile = (await w.files())["zones/keep.kdl"];
    const keepHost = JSON.stringify((await w.sim()).zones.find((z) => z.name === "keep"));
    const log = await recorded(w, async () => {
      expect((await w.zmgr("destroy", "gone", "--yes")).code).toBe(0);
    });
    // Every step of the plan: the commands that change the host (each step's live-state reads
    // are covered by the create test above; the registry step is the file removal itself).
    const steps = log
      .map((a, i) => ({ line: a.join(" "), i }))
      .filter(({ line }) =>
        /^(zoneadm -z \S+ (halt|uninstall)|zonecfg -z \S+ delete|dladm delete-vnic)/.test(line),
      )
      .map(({ i }) => i);
    expect(steps.length).toBe(5); // halt, uninstall, delete, 2 VNICs
    steps.unshift(0); // and the very first command (the live-state read that plans the steps)

    for (const i of steps) {
      await make();
      const fault = faultAt(log, i);
      await w.inject({ ...fault, exitCode: 1, stderr: `injected failure at ${fault.match}` });
      const failed = await w.zmgr("destroy", "gone", "--yes");
      expect(failed.code, `${fault.match}: ${failed.stderr}`).toBe(1);
      // Nothing lost: the file is removed last, so a re-run knows what to finish.
      expect(Object.keys(await w.files())).toContain("zones/gone.kdl");

      const again = await w.zmgr("destroy", "gone", "--yes");
      expect(again.code, `re-run after ${fault.match}: ${again.stdout}${again.stderr}`).toBe(0);
      const files = await w.files();
      expect(Object.keys(files)).not.toContain("zones/gone.kdl");
      expect(files["zones/keep.kdl"]).toBe(keepFile);
      const sim = await w.sim();
      expect(sim.zones.map((z) => z.name)).toEqual(["keep"]);
      expect(JSON.stringify(sim.zones.find((z) => z.name === "keep"))).toBe(keepHost);
      expect(sim.links.filter((l) => l.class === "vnic").map((l) => l.name)).toEqual(["keep0"]);
      await w.clearFaults();
    }
  }, 1_800_000);

  it("import: a failure at any command, then import again adopts every zone", async () => {
    const w = await world({ record: true });
    await w.editHost((h) => {
      for (const [n, ip] of [
        ["h1", "10.1.0.101/24"],
        ["h2", "10.1.0.102/24"],
        ["h3", "10.1.0.103/24"],
      ] as const) {
        h.withLink({ name: `${n}net0`, class: "vnic", over: "oinetint0" });
        h.withZone({
          name: n,
          brand: "ipkg",
          ipType: "exclusive",
          nets: [{ physical: `${n}net0`, allowedAddress: ip, defrouter: "10.1.0.1" }],
        });
      }
    });
    const host = await w.hostState();
    const log = await recorded(w, async () => {
      const r = await w.zmgr("import", "--all");
      expect(r.code, r.stderr).toBe(0);
    });
    const imported = await w.files();
    expect([...registryZones(imported).keys()].sort()).toEqual(["h1", "h2", "h3"]);
    const reset = () =>
      Promise.all(["h1", "h2", "h3"].map((n) => rm(join(w.registry, `zones/${n}.kdl`))));
    await reset();

    for (let i = 0; i < log.length; i++) {
      const fault = faultAt(log, i);
      await w.inject({ ...fault, exitCode: 1, stderr: `injected failure at ${fault.match}` });
      const first = await w.zmgr("import", "--all");
      expect(first.code, `${fault.match}: ${first.stderr}`).not.toBe(0);
      expect(strayFiles(await w.files())).toEqual([]);
      const again = await w.zmgr("import", "--all");
      expect(again.code, `re-run after ${fault.match}: ${again.stderr}`).toBe(0);
      expect(await w.files(), `after a failure at ${fault.match}`).toEqual(imported);
      expect(await w.hostState()).toBe(host); // import never changes the host
      await w.clearFaults();
      await reset();
    }
  }, 1_800_000);
});
