import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Zone } from "@zmgr/kdl-schema";
import { describe, expect, it } from "vitest";
import { registryWith } from "../test/registry-fixture.js";
import { ZoneFileMissingError } from "./errors.js";
import { Registry } from "./registry.js";
import { reservationState } from "./reservation.js";

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
  it("writes a zone with status creating pid host started, then fails or clears it", async () => {
    const root = await registryWith({});
    const reg = Registry.open(root, {
      pid: 4242,
      host: "gz1",
      now: () => started,
      isAlive: () => true,
    });
    await reg.reserve(zone);
    const text = await readFile(join(root, "zones/web1.kdl"), "utf8");
    expect(text).toContain(
      'status "creating" pid=4242 host="gz1" started="2026-11-24T12:00:00.000Z"',
    );
    const reserved = (await reg.load()).zones.get("web1")!.parsed.value!;
    expect(reserved.status).toEqual({
      state: "creating",
      pid: 4242,
      host: "gz1",
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
});
