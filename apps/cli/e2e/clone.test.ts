import { describe, expect, it } from "vitest";
import { world } from "./helpers.js";

/** The state-changing system commands of a `-v` run, in order. */
const changes = (stderr: string) =>
  stderr
    .split("\n")
    .filter((l) => l.startsWith("$ "))
    .map((l) => l.slice(2))
    .filter((l) => /create-vnic|zonecfg -z \S+ -f|clone|install|boot|set-publisher|delete/.test(l))
    .map((l) => l.replace(/-f \S+/, "-f <file>"));

describe("create --clone (built bin, zmgr-sim on PATH)", () => {
  it("clones a halted golden zone: create-vnic, zonecfg, clone, boot; never install", async () => {
    const w = await world();
    expect((await w.zmgr("init")).code).toBe(0);
    expect((await w.zmgr("create", "golden")).code).toBe(0);
    const r = await w.zmgr("-v", "create", "r1", "-t", "router", "--clone", "golden");
    expect(r.code, r.stderr).toBe(0);
    expect(changes(r.stderr)).toEqual([
      "dladm create-vnic -l oinetint0 r1_0",
      "dladm create-vnic -l pubstub0 r1_1",
      "zonecfg -z r1 -f <file>",
      "zoneadm -z r1 clone golden",
      "zoneadm -z r1 boot",
    ]);
    const list = JSON.parse((await w.zmgr("list", "--json")).stdout) as {
      name: string;
      state: string;
    }[];
    expect(list.map((z) => [z.name, z.state])).toEqual([
      ["golden", "installed"],
      ["r1", "running"],
    ]);
  });

  it("refuses to clone a running source before anything runs", async () => {
    const w = await world();
    await w.zmgr("init");
    await w.zmgr("create", "golden");
    await w.zmgr("boot", "golden");
    const r = await w.zmgr("-v", "create", "web1", "--clone", "golden");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zone golden is running; zoneadm clone needs the source installed");
    expect(changes(r.stderr)).toEqual([]);
    expect(JSON.parse((await w.zmgr("list", "--json")).stdout)).toHaveLength(1);
  });
});
