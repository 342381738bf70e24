import { execFile } from "node:child_process";
import { readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SimHost, saveSimHost } from "@zmgr/illumos-sim";
import { describe, expect, it } from "vitest";
import { type World, world, ZMGR, ZMGR_SIM } from "./helpers.js";

/** The built zmgr with a timeout for a machine shared by many (the helper's 60 s is too short here). */
function zmgr(
  w: World,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(
      process.execPath,
      [ZMGR, ...args],
      { env: w.env, timeout: 300_000 },
      (error, stdout, stderr) => {
        res({
          code: error ? (typeof error.code === "number" ? error.code : 1) : 0,
          stdout,
          stderr,
        });
      },
    );
  });
}

/**
 * `zmgr status` against zmgr-sim, counting host commands in the simulator's own log
 * (ZMGR_SIM_LOG). zmgr runs `/usr/bin/tar` by absolute path; `command-prefix "pfexec"` with a
 * `pfexec` symlink in the test's bin directory routes it (and every other command) to zmgr-sim,
 * which acts by the name after pfexec. Nothing outside the test's temp dir is touched.
 */
async function fleet(count: number): Promise<World & { log: string }> {
  const w = await world();
  expect((await w.zmgr("init")).code).toBe(0);
  await symlink(ZMGR_SIM, join(w.dir, "bin", "pfexec"));
  await symlink(ZMGR_SIM, join(w.dir, "bin", "tar"));
  const config = await readFile(join(w.registry, "config.kdl"), "utf8");
  await writeFile(join(w.registry, "config.kdl"), `${config}command-prefix "pfexec"\n`);
  const host = SimHost.fresh();
  for (let i = 0; i < count; i++) {
    const name = `z${i}`;
    const address = `10.1.${(i >> 8) + 1}.${i & 255}/16`;
    host
      .withLink({ name: `${name}_0`, class: "vnic", over: "oinetint0" })
      .withZone({ name, nets: [{ physical: `${name}_0`, allowedAddress: address }] });
    await writeFile(
      join(w.registry, `zones/${name}.kdl`),
      `zone "${name}" {\n  template "oi"\n  net "internal" { address "${address}"; vnic "${name}_0"; stub "oinetint0"; }\n}\n`,
    );
  }
  await saveSimHost(w.env.ZMGR_SIM_STATE ?? "", host);
  const log = join(w.dir, "commands.log");
  w.env.ZMGR_SIM_LOG = log;
  return { ...w, log };
}

async function logged(log: string): Promise<string[]> {
  const text = await readFile(log, "utf8").catch(() => "");
  await rm(log, { force: true });
  return text.split("\n").filter((l) => l !== "");
}

describe("zmgr status at a few hundred zones (built bin, zmgr-sim on PATH)", () => {
  it("runs the same host commands for 20 zones as for 300, and no zonecfg", async () => {
    const runs: string[][] = [];
    for (const count of [20, 300]) {
      const w = await fleet(count);
      const r = await zmgr(w, "status", "--json");
      expect(r.stderr).toBe("");
      expect(JSON.parse(r.stdout)).toEqual({ drift: false, items: [] });
      expect(r.code).toBe(0);
      runs.push((await logged(w.log)).sort());
    }
    expect(runs[0]).toEqual([
      "dladm show-vnic -p -o link,over,macaddress,vid",
      "tar -cf - -C /etc/zones .",
      "zoneadm list -cp",
    ]);
    expect(runs[1]).toEqual(runs[0]);
  }, 600_000);

  it("asks zonecfg info for exactly the zone whose file is broken, and -v says why", async () => {
    const w = await fleet(30);
    const state = w.env.ZMGR_SIM_STATE ?? "";
    const host = SimHost.fromJSON(JSON.parse(await readFile(state, "utf8")));
    await saveSimHost(state, host.editZoneFile("z7.xml", "<zone name="));
    const r = await zmgr(w, "-v", "status");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/zone z7: configuration from zonecfg info \(z7\.xml cannot be parsed/);
    expect(r.stderr).toContain("zone z8: configuration from /etc/zones/z8.xml\n");
    expect((await logged(w.log)).filter((l) => l.startsWith("zonecfg"))).toEqual([
      "zonecfg -z z7 info",
    ]);
  }, 300_000);
});
