import { describe, expect, it } from "vitest";
import { cleanHost } from "../test/host.js";
import { CLEAN, snapshotOf } from "../test/registry.js";
import { validateProposedZone, validateSnapshot } from "./index.js";

describe("the documented example registry (SPEC §1)", () => {
  it("produces no diagnostics at all", async () => {
    const snapshot = await snapshotOf(CLEAN);
    expect(validateSnapshot(snapshot)).toEqual([]);
  });

  it("produces none with the matching host facts either", async () => {
    const snapshot = await snapshotOf(CLEAN);
    expect(validateSnapshot(snapshot, { host: cleanHost() })).toEqual([]);
  });

  it("accepts a well-formed proposed zone on a matching host", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const template = snapshot.templates.get("router")!.parsed.value!;
    const zone = {
      name: "router2",
      template: "router",
      nets: [
        {
          name: "internal",
          addresses: ["10.1.0.12/24"],
          gateways: ["10.1.0.1"],
          vnic: "router20",
          stub: "oinetint0",
          pools: ["internal"],
        },
        {
          name: "public",
          addresses: ["203.0.113.11/24", "2001:db8:1::11/64"],
          gateways: ["203.0.113.1", "2001:db8:1::1"],
          vnic: "router2pub1",
          stub: "pubstub0",
          pools: ["public", "public-v6"],
        },
      ],
    };
    expect(validateProposedZone(snapshot, zone, template, cleanHost())).toEqual([]);
  });
});
