import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { NetStatus, Zone } from "@zmgr/kdl-schema";
import { describe, expect, it } from "vitest";
import { registryWith } from "../test/registry-fixture.js";
import { ZoneFileMissingError } from "./errors.js";
import { Registry } from "./registry.js";
import { netAddState, reservationState, reservedElsewhere } from "./reservation.js";

const zone: Zone = {
  name: "web1",
  template: "oi",
  nets: [
    {
      name: "internal",
      addresses: ["10.1.0.12/24"],
      gateways: ["10.1.0.1"],
      vnic: "web1_0",
      stub: "oinetint0",
      pools: ["internal"],
    },
  ],
  created: "2026-11-24",
};
const started = new Date("2026-11-24T12:00:00.000Z");

describe("reservations", () => {
  it("writes a zone with status creating by host-id pid pid-start started, then fails or clears it", async () => {
    const root = await registryWith({});
    const reg = Registry.open(root, {
      pid: 4242,
      host: "gz1",
      hostId: "m1",
      now: () => started,
      probe: { isAlive: () => true, startOf: (pid) => (pid === 4242 ? "linux:b:77" : undefined) },
    });
    await reg.reserve(zone);
    const text = await readFile(join(root, "zones/web1.kdl"), "utf8");
    expect(text).toContain(
      'status "creating" by="gz1" host-id="m1" pid=4242 pid-start="linux:b:77" started="2026-11-24T12:00:00.000Z"',
    );
    const reserved = (await reg.load()).zones.get("web1")!.parsed.value!;
    expect(reserved.status).toEqual({
      state: "creating",
      pid: 4242,
      host: "gz1",
      hostId: "m1",
      pidStart: "linux:b:77",
      started: started.toISOString(),
    });
    expect(reg.reservationState(reserved)).toBe("creating");

    await reg.markFailed("web1", "zoneadm install failed", { timeoutMs: 1000 });
    const failed = (await reg.load()).zones.get("web1")!.parsed.value!;
    expect(failed.status).toMatchObject({ state: "failed", reason: "zoneadm install failed" });
    expect(reg.reservationState(failed)).toBe("failed");

    await reg.clearReservation("web1", { timeoutMs: 1000 });
    const done = (await reg.load()).zones.get("web1")!.parsed.value!;
    expect(done).toEqual(zone);
    expect(await readFile(join(root, "zones/web1.kdl"), "utf8")).not.toContain("status");
  });

  it("refuses to reserve a zone that is already in the registry", async () => {
    const reg = Registry.open(await registryWith({}));
    await reg.reserve(zone);
    await expect(reg.reserve(zone)).rejects.toMatchObject({ code: "zmgr::registry::conflict" });
  });

  it("refuses to mark or clear a zone whose file is gone", async () => {
    const reg = Registry.open(await registryWith({ "zones/.keep": "" }));
    await expect(reg.markFailed("ghost", "x")).rejects.toBeInstanceOf(ZoneFileMissingError);
    await expect(reg.clearReservation("ghost")).rejects.toMatchObject({
      code: "zmgr::registry::zone_missing",
    });
  });

  it("tells creating from interrupted by whether the pid lives on this host", () => {
    const creating = (pid?: number, host?: string): Zone => ({
      ...zone,
      status: { state: "creating", ...(pid ? { pid } : {}), ...(host ? { host } : {}) },
    });
    const here = { host: "gz1", isAlive: (pid: number) => pid === 1 };
    expect(reservationState(creating(1, "gz1"), here)).toBe("creating");
    expect(reservationState(creating(2, "gz1"), here)).toBe("interrupted");
    expect(reservationState(creating(2, "gz2"), here)).toBe("creating");
    expect(reservationState(creating(undefined, "gz1"), here)).toBe("interrupted");
    expect(reservationState({ ...zone, status: { state: "failed", pid: 1 } }, here)).toBe("failed");
    expect(reservationState(zone, here)).toBeUndefined();
  });

  it("judges a reservation by pid and start time on its own machine, by host id first", () => {
    const status = (extra: Partial<NonNullable<Zone["status"]>>): Zone => ({
      ...zone,
      status: { state: "creating", pid: 7, host: "gz1", hostId: "m1", ...extra },
    });
    const probe = { isAlive: (pid: number) => pid === 7, startOf: () => "linux:b:100" };
    const here = { host: "gz1", hostId: "m1", probe };
    expect(reservationState(status({ pidStart: "linux:b:100" }), here)).toBe("creating");
    // after a reboot pid 7 is some other process: the reservation is interrupted
    expect(reservationState(status({ pidStart: "linux:a:100" }), here)).toBe("interrupted");
    expect(reservationState(status({ pid: 8 }), here)).toBe("interrupted");
    // written on another machine (another host id, even under the same name)
    const elsewhere = status({ hostId: "m2", pid: 8 });
    expect(reservationState(elsewhere, here)).toBe("creating");
    expect(reservedElsewhere(elsewhere, here)).toBe("gz1");
    expect(reservedElsewhere(status({ host: "gz2", hostId: "m1" }), here)).toBeUndefined();
    // an old file: host= only, judged by name
    const old: Zone = { ...zone, status: { state: "creating", pid: 8, host: "gz9" } };
    expect(reservedElsewhere(old, here)).toBe("gz9");
    expect(reservedElsewhere({ ...old, status: { ...old.status!, host: "gz1" } }, here)).toBe(
      undefined,
    );
  });

  it("judges a net's status adding like a reservation: start time, host id, other machines", () => {
    const probe = { isAlive: (pid: number) => pid === 7, startOf: () => "linux:b:100" };
    const here = { host: "gz1", hostId: "m1", probe };
    const net = (extra: Partial<NetStatus>): NetStatus => ({
      state: "adding",
      txn: "t1",
      pid: 7,
      host: "gz1",
      hostId: "m1",
      ...extra,
    });
    expect(netAddState(net({ pidStart: "linux:b:100" }), here)).toBe("adding");
    // pid 7 now belongs to another process (reused after a reboot): the add was interrupted
    expect(netAddState(net({ pidStart: "linux:a:100" }), here)).toBe("interrupted");
    expect(netAddState(net({ pid: 8 }), here)).toBe("interrupted");
    // another machine's add cannot be judged from here, whatever its pid does here
    expect(netAddState(net({ hostId: "m2", pid: 8 }), here)).toBe("elsewhere");
    expect(netAddState({ state: "adding", txn: "t", host: "gz9", pid: 8 }, here)).toBe("elsewhere");
    // no pid recorded: cannot be judged, so it keeps its addresses
    expect(netAddState({ state: "adding", txn: "t", host: "gz1" }, here)).toBe("adding");
  });

  it("marks a net add with this process's pid, machine and start time", async () => {
    const root = await registryWith({});
    const probe = { isAlive: () => true, startOf: (pid: number) => `linux:b:${pid}` };
    const reg = Registry.open(root, {
      host: "gz1",
      hostId: "m1",
      pid: 7,
      probe,
      now: () => started,
    });
    const mark = reg.netAddMark();
    expect(mark).toMatchObject({
      state: "adding",
      pid: 7,
      host: "gz1",
      hostId: "m1",
      pidStart: "linux:b:7",
      started: "2026-11-24T12:00:00.000Z",
    });
    expect(reg.netAddState({ ...mark, txn: "t" })).toBe("adding");
  });
});
