import { describe, expect, it } from "vitest";
import {
  CLEAN,
  cleanWith,
  net,
  snapshotOf,
  validateFiles,
  where,
  withCode,
} from "../test/registry.js";
import { validateProposedZone } from "./index.js";

const zone = (name: string, addresses: string, pools = "internal") =>
  `zone "${name}" {\n  template "oi"\n  net "internal" { address ${addresses}; vnic "${name}_0"; pool ${pools}; }\n}\n`;

describe("duplicate addresses", () => {
  it("refuses an address held by two zones, on the later zone, naming the first", async () => {
    const diags = await validateFiles(
      cleanWith({ "zones/web1.kdl": zone("web1", '"10.1.0.11/24"', '"internal"') }),
    );
    const [d, ...rest] = withCode(diags, "zmgr::address::duplicate");
    expect(rest).toEqual([]);
    expect(d?.message).toContain('zone "router1"');
    expect(where(d)).toBe("zones/web1.kdl:3:28");
  });

  it("compares IPv6 addresses as numbers, not text", async () => {
    const diags = await validateFiles(
      cleanWith({ "zones/web1.kdl": zone("web1", '"2001:DB8:1:0:0::10/64"', '"public-v6"') }),
    );
    const [d] = withCode(diags, "zmgr::address::duplicate");
    expect(d?.message).toContain("2001:db8:1::10");
    expect(d?.file).toBe("zones/web1.kdl");
  });

  it("refuses the same address twice in one zone", async () => {
    const diags = await validateFiles(
      cleanWith({ "zones/web1.kdl": zone("web1", '"10.1.0.30/24" "10.1.0.30/24"') }),
    );
    const [d, ...rest] = withCode(diags, "zmgr::address::duplicate");
    expect(rest).toEqual([]);
    expect(d?.path).toEqual(["zone", "net", "0", "address", "1"]);
  });

  it("refuses a proposed zone whose address is already held", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const oi = snapshot.templates.get("oi")!.parsed.value!;
    const proposed = {
      name: "web3",
      nets: [net("internal", ["10.1.0.10/24"], { vnic: "web3_0", pools: ["internal"] })],
    };
    const diags = validateProposedZone(snapshot, proposed, oi);
    expect(diags.map((d) => d.code)).toEqual(["zmgr::address::duplicate"]);
    expect(diags[0]?.message).toContain('zone "myzone"');
  });
});

describe("addresses and pools", () => {
  it("warns about an address in no pool", async () => {
    const diags = await validateFiles(
      cleanWith({ "zones/web1.kdl": zone("web1", '"192.0.2.5/24"', '"internal"') }),
    );
    const [d, ...rest] = withCode(diags, "zmgr::address::outside_pools");
    expect(rest).toEqual([]);
    expect(d?.severity).toBe("warning");
    expect(where(d)).toBe("zones/web1.kdl:3:28");
    expect(withCode(diags, "zmgr::address::outside_recorded_pool")).toEqual([]);
  });

  it("warns about an address outside the allocatable set of its recorded pool", async () => {
    const diags = await validateFiles(
      cleanWith({ "zones/web1.kdl": zone("web1", '"10.1.0.53/24"', '"internal"') }),
    );
    const [d, ...rest] = withCode(diags, "zmgr::address::outside_recorded_pool");
    expect(rest).toEqual([]);
    expect(d?.severity).toBe("warning");
    expect(d?.help).toContain("reserved");
    expect(where(d)).toBe("zones/web1.kdl:3:28");
  });

  it("names the pool that does hold an address recorded under another pool", async () => {
    const diags = await validateFiles(
      cleanWith({ "zones/web1.kdl": zone("web1", '"203.0.113.11/24"', '"internal"') }),
    );
    const [d] = withCode(diags, "zmgr::address::outside_recorded_pool");
    expect(d?.help).toContain('pool "public"');
  });

  it("checks each address of a dual-stack net against the recorded pool of its family", async () => {
    const diags = await validateFiles(CLEAN);
    expect(diags.filter((d) => d.code.startsWith("zmgr::address::"))).toEqual([]);
  });
});
