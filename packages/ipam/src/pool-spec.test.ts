import { describe, expect, it } from "vitest";
import { type PoolSpec, validatePool } from "./index.js";

const internal: PoolSpec = {
  name: "internal",
  network: "10.1.0.0/24",
  gateway: "10.1.0.1",
  range: { start: "10.1.0.10", end: "10.1.0.250" },
  reserve: ["10.1.0.53", "10.1.0.54"],
};
const codes = (spec: PoolSpec) =>
  validatePool(spec).map((p) => `${p.code} ${p.field}${p.index ?? ""}`);

describe("validatePool", () => {
  it("accepts the SPEC's example pools, IPv4 and IPv6", () => {
    expect(validatePool(internal)).toEqual([]);
    expect(
      validatePool({
        name: "public",
        network: "203.0.113.0/24",
        gateway: "203.0.113.1",
        addresses: ["203.0.113.10", "203.0.113.11"],
      }),
    ).toEqual([]);
    expect(
      validatePool({
        name: "v6",
        network: "2001:db8:1::/64",
        gateway: "2001:db8:1::1",
        range: { start: "2001:db8:1::10", end: "2001:db8:1::ffff" },
      }),
    ).toEqual([]);
  });

  it("accepts a link-local IPv6 gateway but not an IPv6 gateway elsewhere", () => {
    const v6 = { name: "v6", network: "2001:db8:1::/64", addresses: ["2001:db8:1::10"] };
    expect(validatePool({ ...v6, gateway: "fe80::1" })).toEqual([]);
    expect(codes({ ...v6, gateway: "2001:db8:2::1" })).toEqual([
      "zmgr::pool::gateway_outside_network gateway",
    ]);
  });

  it("reports a gateway outside the network, or on its network or broadcast address", () => {
    expect(codes({ ...internal, gateway: "10.2.0.1" })).toEqual([
      "zmgr::pool::gateway_outside_network gateway",
    ]);
    expect(codes({ ...internal, gateway: "10.1.0.0" })).toEqual([
      "zmgr::pool::gateway_not_host gateway",
    ]);
    expect(codes({ ...internal, gateway: "10.1.0.255" })).toEqual([
      "zmgr::pool::gateway_not_host gateway",
    ]);
  });

  it("reports a range or list outside the network, naming the entry", () => {
    expect(codes({ ...internal, range: { start: "10.0.255.250", end: "10.1.1.5" } })).toEqual([
      "zmgr::pool::range_outside_network range0",
      "zmgr::pool::range_outside_network range1",
    ]);
    const { range: _, ...noRange } = internal;
    expect(codes({ ...noRange, addresses: ["10.1.0.10", "10.9.0.1"] })).toEqual([
      "zmgr::pool::address_outside_network addresses1",
    ]);
  });

  it("reports start after end", () => {
    expect(codes({ ...internal, range: { start: "10.1.0.200", end: "10.1.0.100" } })).toEqual([
      "zmgr::pool::start_after_end range",
    ]);
  });

  it("reports both modes and neither mode", () => {
    expect(codes({ ...internal, addresses: ["10.1.0.9"] })).toEqual([
      "zmgr::pool::mode_conflict mode",
    ]);
    expect(codes({ name: "x", network: "10.1.0.0/24" })).toEqual(["zmgr::pool::no_mode mode"]);
  });

  it("reports mixed families per field", () => {
    expect(codes({ ...internal, gateway: "2001:db8::1", reserve: ["fe80::5"] })).toEqual([
      "zmgr::pool::mixed_family gateway",
      "zmgr::pool::mixed_family reserve0",
    ]);
    expect(
      codes({
        name: "v6",
        network: "2001:db8::/64",
        range: { start: "10.0.0.1", end: "2001:db8::9" },
      }),
    ).toEqual(["zmgr::pool::mixed_family range0"]);
  });

  it("reports a reserve outside the network", () => {
    expect(codes({ ...internal, reserve: ["10.1.0.53", "192.168.0.1"] })).toEqual([
      "zmgr::pool::reserve_outside_network reserve1",
    ]);
  });

  it("reports bad syntax with the offending text, and a network without prefix", () => {
    const problems = validatePool({
      ...internal,
      network: "10.1.0.0",
      gateway: "10.1.0.300",
      reserve: ["10.1.0.5/24"],
    });
    expect(problems.map((p) => [p.code, p.field, p.value])).toEqual([
      ["zmgr::pool::invalid_network", "network", "10.1.0.0"],
      ["zmgr::pool::invalid_address", "gateway", "10.1.0.300"],
      ["zmgr::pool::invalid_address", "reserve", "10.1.0.5/24"],
    ]);
    for (const p of problems) {
      expect(p.severity).toBe("error");
      expect(p.help.length).toBeGreaterThan(0);
    }
  });

  it("warns (not errors) on host bits in the network and duplicate list entries", () => {
    const problems = validatePool({
      name: "p",
      network: "10.1.0.7/24",
      addresses: ["10.1.0.9", "10.1.0.9"],
    });
    expect(problems.map((p) => [p.code, p.severity])).toEqual([
      ["zmgr::pool::network_host_bits", "warning"],
      ["zmgr::pool::duplicate_address", "warning"],
    ]);
    expect(problems[0]?.help).toContain("10.1.0.0/24");
  });
});
