import type { ZonecfgInfo } from "@zmgr/illumos-exec";
import { IpPool } from "@zmgr/ipam";
import { describe, expect, it } from "vitest";
import { memorySnapshot } from "../test/memory.js";
import { cleanWith } from "../test/registry.js";
import {
  buildLedger,
  holdersOf,
  LedgerUnreadableError,
  requireReadableLedger,
  usedAddresses,
  usedInPool,
} from "./index.js";

const INTERNAL = IpPool.from({
  name: "internal",
  network: "10.1.0.0/24",
  gateway: "10.1.0.1",
  range: { start: "10.1.0.10", end: "10.1.0.250" },
});

function info(name: string, addresses: string[]): ZonecfgInfo {
  return {
    zonename: name,
    autoboot: true,
    ipType: "exclusive",
    props: {},
    nets: addresses.map((a) => ({ physical: `${name}0`, allowedAddress: a })),
    resources: [],
  } as ZonecfgInfo;
}

const BROKEN_WEB1 = `zone "web1" {\n  template "oi"\n  net "default" { address "10.1.0.12/24; vnic "web10"; pool "internal"; }\n}\n`;

describe("buildLedger", () => {
  it("holds every address of every zone document, reservations marked as such", () => {
    const snap = memorySnapshot(
      cleanWith({
        "zones/web2.kdl": `zone "web2" {\n  template "oi"\n  net "default" { address "10.1.0.13/24"; vnic "web20"; pool "internal"; }\n  status "creating" pid=42 host="h" started="2026-12-04T10:00:00Z"\n}\n`,
      }),
    );
    const ledger = buildLedger(snap);
    expect(usedAddresses(ledger).sort()).toEqual(
      ["10.1.0.10", "10.1.0.11", "10.1.0.13", "203.0.113.10", "2001:db8:1::10"].sort(),
    );
    expect(holdersOf(ledger, "10.1.0.13")).toMatchObject([{ zone: "web2", kind: "reservation" }]);
    expect(holdersOf(ledger, "10.1.0.11/24")).toMatchObject([
      { zone: "router1", kind: "zone", net: 0, index: 0 },
    ]);
    expect(ledger.unreadableFiles).toEqual([]);
  });

  it("keeps every holder of a shared address, first in zone-name order", () => {
    const snap = memorySnapshot(
      cleanWith({
        "zones/aaa.kdl": `zone "aaa" {\n  template "oi"\n  net "default" { address "10.1.0.11/24"; vnic "aaa0"; pool "internal"; }\n}\n`,
      }),
    );
    expect(holdersOf(buildLedger(snap), "10.1.0.11").map((h) => h.zone)).toEqual([
      "aaa",
      "router1",
    ]);
  });

  it("reports an unparsable zone document and counts the live addresses of its host zone", () => {
    const snap = memorySnapshot(cleanWith({ "zones/web1.kdl": BROKEN_WEB1 }));
    const ledger = buildLedger(snap, {
      zoneConfigs: new Map([["web1", info("web1", ["10.1.0.12/24"])]]),
    });
    expect(ledger.unreadableFiles).toEqual(["zones/web1.kdl"]);
    expect([...ledger.unusableZones]).toEqual(["web1"]);
    expect(ledger.unreadable.length).toBeGreaterThan(0);
    expect(holdersOf(ledger, "10.1.0.12")).toMatchObject([{ zone: "web1", kind: "host" }]);
    expect(usedInPool(ledger, INTERNAL).map((h) => h.address)).toEqual([
      "10.1.0.10",
      "10.1.0.11",
      "10.1.0.12",
    ]);
  });

  it("counts both sides when a host zone's live addresses disagree with its document", () => {
    const snap = memorySnapshot(cleanWith({}));
    const ledger = buildLedger(snap, {
      zoneConfigs: new Map([["myzone", info("myzone", ["10.1.0.77/24"])]]),
    });
    expect(holdersOf(ledger, "10.1.0.10")).toMatchObject([{ zone: "myzone", kind: "zone" }]);
    expect(holdersOf(ledger, "10.1.0.77")).toMatchObject([{ zone: "myzone", kind: "host" }]);
  });
});

describe("requireReadableLedger", () => {
  it("passes a readable registry", () => {
    const snap = memorySnapshot(cleanWith({}));
    expect(() => requireReadableLedger(snap, buildLedger(snap), "create zone x")).not.toThrow();
  });

  it("refuses with the broken file's location and a help line naming it", () => {
    const snap = memorySnapshot(cleanWith({ "zones/web1.kdl": BROKEN_WEB1 }));
    let caught: unknown;
    try {
      requireReadableLedger(snap, buildLedger(snap), "create zone web2");
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(LedgerUnreadableError);
    const err = caught as LedgerUnreadableError;
    expect(err.code).toBe("zmgr::registry::ledger_unreadable");
    expect(err.message).toContain("cannot create zone web2: zones/web1.kdl cannot be read");
    expect(err.help).toContain("fix or remove zones/web1.kdl");
    expect(err.help).toContain("zmgr validate");
    expect(err.location?.file).toBe("zones/web1.kdl");
    expect(err.location?.line).toBeGreaterThanOrEqual(3);
    expect([err.action, err.files]).toEqual(["create zone web2", ["zones/web1.kdl"]]);
  });
});

describe("liveAddresses", () => {
  // The net block of an OmniOS lx zone as illumos-omnios PR 169 shows it (shared/illumos/
  // peer-captures/omniosorg-issues/zonecfg-info-net-lx-property.txt): the address lives only in
  // a `property` line, so create must count it as used.
  it("counts an lx zone's property-line address, so create never hands it out again", () => {
    const snap = memorySnapshot(cleanWith({}));
    const lx: ZonecfgInfo = {
      zonename: "deb",
      brand: "lx",
      autoboot: false,
      ipType: "exclusive",
      props: {},
      resources: [],
      nets: [{ physical: "deb0", properties: { ips: "172.30.1.129/26", primary: "true" } }],
    };
    const ledger = buildLedger(snap, { zoneConfigs: new Map([["deb", lx]]) });
    expect(usedAddresses(ledger)).toContain("172.30.1.129");
  });
});
