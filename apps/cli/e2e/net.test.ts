import { readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type World, world } from "./helpers.js";

/** Makes the next matching simulated command fail (a fault in the state file). */
function failNext(w: World, match: string, stderr: string): void {
  const file = w.env.ZMGR_SIM_STATE as string;
  const state = JSON.parse(readFileSync(file, "utf8")) as { faults: unknown[] };
  state.faults.push({ match, nth: 1, times: 1, seen: 0, exitCode: 1, stderr });
  writeFileSync(file, JSON.stringify(state));
}

const simState = (w: World) =>
  JSON.parse(readFileSync(w.env.ZMGR_SIM_STATE as string, "utf8")) as {
    links: { name: string }[];
    zones: {
      name: string;
      state: string;
      resources: { type: string; props: Record<string, string> }[];
    }[];
  };

async function ready(): Promise<World> {
  const w = await world();
  expect((await w.zmgr("init")).code).toBe(0);
  expect((await w.zmgr("create", "web1")).code).toBe(0);
  expect((await w.zmgr("boot", "web1")).code).toBe(0);
  return w;
}

describe("net add / net remove (built bin, zmgr-sim on PATH)", () => {
  it("adds a net to a running zone: next boot, or now with --reboot; show lists it", async () => {
    const w = await ready();
    const add = await w.zmgr("net", "add", "web1", "public", "--pool", "public");
    expect(add.stderr).toBe("");
    expect(add.code).toBe(0);
    expect(add.stdout).toContain("zonecfg changes apply at the next boot of web1");
    const add2 = await w.zmgr("net", "add", "web1", "more", "--pool", "public", "--reboot");
    expect(add2.code, add2.stderr).toBe(0);
    const show = JSON.parse((await w.zmgr("show", "web1", "--json")).stdout) as {
      registry: { nets: { name: string; addresses: string[]; status?: unknown }[] };
      live: { state: string };
      zonecfg: { nets: { physical: string }[] };
    };
    expect(show.live.state).toBe("running");
    expect(show.registry.nets.map((n) => [n.name, n.addresses, n.status])).toEqual([
      ["internal", ["10.1.0.10/24"], undefined],
      ["public", ["203.0.113.10/24"], undefined],
      ["more", ["203.0.113.11/24"], undefined],
    ]);
    expect(show.zonecfg.nets.map((n) => n.physical)).toEqual(["web1_0", "web1_1", "web1_2"]);
    expect((await w.zmgr("status")).code).toBe(0);
  });

  it("dual stack: one VNIC, two net resources", async () => {
    const w = await ready();
    const pool = await w.zmgr(
      "pool",
      "create",
      "public-v6",
      "--network",
      "2001:db8:1::/64",
      "--gateway",
      "2001:db8:1::1",
      "--stub",
      "pubstub0",
      "--range",
      "2001:db8:1::10-2001:db8:1::ff",
    );
    expect(pool.code, pool.stderr).toBe(0);
    const add = await w.zmgr(
      "net",
      "add",
      "web1",
      "public",
      "--pool",
      "public,public-v6",
      "--json",
    );
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout).net).toMatchObject({
      addresses: ["203.0.113.10/24", "2001:db8:1::10/64"],
      vnic: "web1_1",
    });
    const res = simState(w)
      .zones.find((z) => z.name === "web1")
      ?.resources.filter((r) => r.type === "net" && r.props.physical === "web1_1");
    expect(res?.map((r) => r.props["allowed-address"])).toEqual([
      "203.0.113.10/24",
      "2001:db8:1::10/64",
    ]);
  });

  it("a failing zonecfg step is rolled back: no VNIC, no address, document unchanged", async () => {
    const w = await ready();
    const doc = join(w.registry, "zones/web1.kdl");
    const before = await readFile(doc, "utf8");
    failNext(w, "zonecfg -z web1 -f", "zonecfg: simulated failure\n");
    const add = await w.zmgr("net", "add", "web1", "public", "--pool", "public");
    expect(add.code).toBe(1);
    expect(add.stdout).toContain("rolled back");
    expect(await readFile(doc, "utf8")).toBe(before);
    expect(simState(w).links.map((l) => l.name)).not.toContain("web1_1");
    const pool = JSON.parse((await w.zmgr("pool", "show", "public", "--json")).stdout) as {
      used: unknown[];
    };
    expect(pool.used).toEqual([]);
  });

  it("net remove of a running zone is refused without --reboot; freed addresses are handed out again", async () => {
    const w = await ready();
    expect((await w.zmgr("net", "add", "web1", "public", "--pool", "public")).code).toBe(0);
    const refused = await w.zmgr("net", "remove", "web1", "public");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("zmgr::net::zone_running");
    const removed = await w.zmgr("net", "remove", "web1", "public", "--reboot");
    expect(removed.code, removed.stderr).toBe(0);
    expect(simState(w).links.map((l) => l.name)).not.toContain("web1_1");
    expect(simState(w).zones.find((z) => z.name === "web1")?.state).toBe("running");
    const again = await w.zmgr("net", "add", "web1", "public2", "--pool", "public", "--json");
    expect(JSON.parse(again.stdout).net.addresses).toEqual(["203.0.113.10/24"]);
  });
});
