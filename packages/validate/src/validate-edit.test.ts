import type { Zone } from "@zmgr/kdl-schema";
import { describe, expect, it } from "vitest";
import { CLEAN, net, snapshotOf, where } from "../test/registry.js";
import { applyEdits, validateEdits, validateProposedZone, withLocations } from "./index.js";

describe("validateEdits (pool, template and import pre-flight)", () => {
  it("refuses removing a pool a template still uses", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const diags = validateEdits(snapshot, [{ kind: "pool", remove: "public-v6" }]);
    expect(diags.map((d) => [d.code, d.file])).toEqual([
      ["zmgr::reference::template_pool", "templates/router.kdl"],
      ["zmgr::reference::zone_pool", "zones/router1.kdl"],
      ["zmgr::address::outside_pools", "zones/router1.kdl"],
    ]);
  });

  it("refuses a new pool that intersects another, located in the would-be file", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const edits = [
      {
        kind: "pool" as const,
        value: {
          name: "web-dmz",
          network: "10.1.0.0/24",
          stub: "oinetint0",
          mode: { kind: "range" as const, start: "10.1.0.240", end: "10.1.0.254" },
          reserve: [],
        },
      },
    ];
    const diags = validateEdits(snapshot, edits);
    expect(diags.map((d) => d.code)).toEqual(["zmgr::pool::intersect"]);
    const [located] = withLocations(applyEdits(snapshot, edits), diags);
    expect(where(located)).toMatch(/^pools\/web-dmz\.kdl:\d+:\d+$/);
  });

  it("edits in place and reports only what the edit introduces", async () => {
    const snapshot = await snapshotOf({
      ...CLEAN,
      "zones/old.kdl": `zone "old" {\n  template "gone"\n}\n`,
    });
    const internal = snapshot.pools.get("internal")!.parsed.value!;
    const edits = [{ kind: "pool" as const, value: { ...internal, gateway: "10.9.0.1" } }];
    expect(validateEdits(snapshot, edits).map((d) => d.code)).toEqual([
      "zmgr::pool::gateway_outside_network",
    ]);
    const edited = applyEdits(snapshot, edits).pools.get("internal")!.parsed.text;
    expect(edited).toContain("// optional, never handed out");
  });

  it("reports a new name that clashes in case", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const value = {
      name: "OI",
      brand: "ipkg",
      autoboot: false,
      ipType: "exclusive" as const,
      nets: [],
      publishers: [],
      fs: [],
      datasets: [],
      attrs: [],
      installArgs: [],
    };
    const codes = validateEdits(snapshot, [{ kind: "template", value }]).map((d) => d.code);
    expect(codes).toContain("zmgr::registry::case_clash");
  });
});

describe("create pre-flight and validate never disagree", () => {
  const bad: [string, Zone][] = [
    [
      "a held address",
      {
        name: "web8",
        nets: [net("internal", ["10.1.0.11/24"], { vnic: "web8_0", pools: ["internal"] })],
      },
    ],
    [
      "an invalid VNIC",
      {
        name: "web8",
        nets: [net("internal", ["10.1.0.80/24"], { vnic: "0bad", pools: ["internal"] })],
      },
    ],
    [
      "a used VNIC",
      {
        name: "web8",
        nets: [net("internal", ["10.1.0.80/24"], { vnic: "router10", pools: ["internal"] })],
      },
    ],
    [
      "a bad zone name",
      {
        name: "SUNWweb",
        nets: [net("internal", ["10.1.0.80/24"], { vnic: "web8_0", pools: ["internal"] })],
      },
    ],
    [
      "an address in no pool",
      {
        name: "web8",
        nets: [net("internal", ["192.0.2.8/24"], { vnic: "web8_0", pools: ["internal"] })],
      },
    ],
    [
      "too many addresses on one VNIC",
      {
        name: "web8",
        nets: [
          net("public", ["203.0.113.20/24", "2001:db8:1:0:1234:5678:9abc:def0/64"], {
            vnic: "web8_0",
            pools: ["public", "public-v6"],
          }),
        ],
      },
    ],
  ];
  it.each(bad)("%s gives the same codes either way", async (_what, zone) => {
    const snapshot = await snapshotOf(CLEAN);
    const router = snapshot.templates.get("router")!.parsed.value!;
    const preflight = validateProposedZone(snapshot, { ...zone, template: "router" }, router);
    const written = validateEdits(snapshot, [
      { kind: "zone", value: { ...zone, template: "router" } },
    ]);
    const codes = (ds: { code: string }[]) => [...new Set(ds.map((d) => d.code))].sort();
    expect(codes(preflight).length).toBeGreaterThan(0);
    expect(codes(preflight)).toEqual(codes(written));
  });
});
