import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAddress, groupNets, readAddress } from "./nets.js";

describe("groupNets", () => {
  it("folds two exclusive-IP resources on one VNIC into one dual-stack net", () => {
    const grouped = groupNets(
      [
        { physical: "web0", allowedAddress: "10.1.0.5/24", defrouter: "10.1.0.1" },
        { physical: "web0", allowedAddress: "2001:DB8:1:0::5/64", defrouter: "2001:db8:1::1" },
        { physical: "web1", allowedAddress: "203.0.113.10/24" },
      ],
      "exclusive",
    );
    expect(grouped.problems).toEqual([]);
    expect(
      grouped.nets.map((n) => [n.physical, n.addresses.map((a) => formatAddress(a)), n.gateways]),
    ).toEqual([
      ["web0", ["10.1.0.5/24", "2001:db8:1::5/64"], ["10.1.0.1", "2001:db8:1::1"]],
      ["web1", ["203.0.113.10/24"], []],
    ]);
  });

  it("takes shared-IP addresses from address and ignores allowed-address", () => {
    const grouped = groupNets(
      [{ physical: "net0", address: "10.1.0.9/24", allowedAddress: "10.9.9.9/24" }],
      "shared",
    );
    expect(grouped.nets[0]?.addresses.map((a) => a.address)).toEqual(["10.1.0.9"]);
  });

  it("takes an lx net's addresses and gateway from its property lines when it has no allowed-address", () => {
    const grouped = groupNets(
      [
        {
          physical: "lx0",
          properties: {
            ips: "10.1.0.7/24,dhcp,2001:db8:1::7/64",
            gateway: "10.1.0.1",
            primary: "true",
          },
        },
      ],
      "exclusive",
    );
    expect(grouped.problems).toEqual([]);
    expect(grouped.nets.map((n) => [n.addresses.map((a) => formatAddress(a)), n.gateways])).toEqual(
      [[["10.1.0.7/24", "2001:db8:1::7/64"], ["10.1.0.1"]]],
    );
    expect(grouped.warnings.join("\n")).toMatch(/lx0 gets an address by dhcp inside the zone/);
  });

  it("prefers allowed-address and defrouter over lx properties, and ignores them for shared-IP", () => {
    const props = { ips: "10.1.0.8/24", gateway: "10.1.0.254" };
    const excl = groupNets(
      [{ physical: "a0", allowedAddress: "10.1.0.5/24", defrouter: "10.1.0.1", properties: props }],
      "exclusive",
    );
    expect(excl.nets[0]?.addresses.map((a) => a.address)).toEqual(["10.1.0.5"]);
    expect(excl.nets[0]?.gateways).toEqual(["10.1.0.1"]);
    const shared = groupNets([{ physical: "a0", properties: props }], "shared");
    expect(shared.nets[0]?.addresses).toEqual([]);
  });

  it("refuses a non-numeric ips property like any other address", () => {
    const grouped = groupNets([{ physical: "lx0", properties: { ips: "myhost" } }], "exclusive");
    expect(grouped.problems).toEqual(['ips property "myhost" of lx0 is not a numeric IP address']);
  });

  it("keeps an exclusive net without allowed-address, with a warning", () => {
    const grouped = groupNets([{ physical: "db0" }], "exclusive");
    expect(grouped.nets).toEqual([{ physical: "db0", addresses: [], gateways: [] }]);
    expect(grouped.warnings.join()).toMatch(/db0 has no allowed-address/);
  });

  it("splits a comma list in allowed-address and warns that illumos applies only the first", () => {
    const grouped = groupNets(
      [{ physical: "a0", allowedAddress: "10.1.0.5/24,2001:db8::5/64" }],
      "exclusive",
    );
    expect(grouped.nets[0]?.addresses).toHaveLength(2);
    expect(grouped.warnings.join()).toMatch(/holds a list/);
  });

  it("reports a host name where an address belongs as a problem", () => {
    expect(
      groupNets([{ physical: "net0", address: "web.example.org" }], "shared").problems,
    ).toEqual(['address "web.example.org" of net0 is not a numeric IP address']);
  });

  it("records the link an on-demand VNIC is made over (OmniOS global-nic)", () => {
    const grouped = groupNets(
      [{ physical: "od0", allowedAddress: "10.1.0.7/24", globalNic: "igb0" }],
      "exclusive",
    );
    expect(grouped.nets[0]?.globalNic).toBe("igb0");
  });

  it("never loses or duplicates an address, whatever the order of resources", () => {
    const v4 = fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `10.0.${a}.${b}/24`);
    const resource = fc.record({ physical: fc.constantFrom("l0", "l1", "l2"), allowedAddress: v4 });
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 12 }), (resources) => {
        const grouped = groupNets(resources, "exclusive");
        const got = grouped.nets.flatMap((n) =>
          n.addresses.map((a) => `${n.physical} ${formatAddress(a)}`),
        );
        const want = [...new Set(resources.map((r) => `${r.physical} ${r.allowedAddress}`))];
        expect(got.sort()).toEqual(want.sort());
        expect(new Set(grouped.nets.map((n) => n.physical)).size).toBe(grouped.nets.length);
      }),
    );
  });
});

describe("readAddress", () => {
  it("canonicalises IPv6 and keeps the prefix only when given", () => {
    expect(readAddress("2001:0db8:0000::0010/64")).toEqual({
      address: "2001:db8::10",
      prefix: 64,
      family: 6,
    });
    expect(readAddress("10.1.0.5")).toEqual({ address: "10.1.0.5", family: 4 });
    expect(formatAddress({ address: "10.1.0.5", family: 4 }, 24)).toBe("10.1.0.5/24");
    expect(formatAddress({ address: "2001:db8::1", family: 6 })).toBe("2001:db8::1/128");
  });
});
