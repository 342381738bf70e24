import { describe, expect, it } from "vitest";
import {
  canonicalAddress,
  findPool,
  InvalidAddressError,
  InvalidPoolError,
  IpPool,
  intersection,
  PoolExhaustedError,
  parseAddress,
  parseNetwork,
  validatePool,
} from "./index.js";

const json = (v: unknown) => JSON.parse(JSON.stringify(v));

const v4 = IpPool.from({
  name: "internal",
  network: "10.1.0.0/24",
  gateway: "10.1.0.1",
  range: { start: "10.1.0.10", end: "10.1.0.12" },
});
const v6 = IpPool.from({
  name: "v6",
  network: "2001:db8::/64",
  range: { start: "2001:db8::", end: "2001:db8::ffff:ffff:ffff:ffff" },
});
const list = IpPool.from({ name: "l", network: "192.0.2.0/24", addresses: ["192.0.2.7"] });

describe("every result type survives JSON.stringify with one JSON type per field", () => {
  it("writes a utilisation's bigint counts as decimal strings, small pool or huge", () => {
    expect(json(v4.utilisation(["10.1.0.11/24"]))).toEqual({
      size: "3",
      used: 1,
      free: "2",
      percent: (1 / 3) * 100,
      usedAddresses: ["10.1.0.11"],
    });
    expect(json(v6.utilisation(["2001:db8::10"]))).toEqual({
      size: "18446744073709551615",
      used: 1,
      free: "18446744073709551614",
      percent: 100 / 2 ** 64,
      usedAddresses: ["2001:db8::10"],
    });
  });

  it("keeps bigints for arithmetic on the value itself", () => {
    const u = v6.utilisation([]);
    expect(u.size).toBe(2n ** 64n - 1n);
    expect(u.free - u.size).toBe(0n);
  });

  it("writes a pool as text: network, size string, range or list", () => {
    expect(json(v4)).toEqual({
      name: "internal",
      family: 4,
      mode: "range",
      network: "10.1.0.0/24",
      prefixLength: 24,
      size: "3",
      excluded: ["10.1.0.0", "10.1.0.1", "10.1.0.255"],
      range: { start: "10.1.0.10", end: "10.1.0.12" },
    });
    expect(json(list)).toMatchObject({ mode: "list", size: "1", list: ["192.0.2.7"] });
    expect(json(list)).not.toHaveProperty("range");
  });

  it("writes parsed addresses and networks with decimal-string values", () => {
    expect(json(parseAddress("10.0.0.1/8"))).toEqual({ family: 4, value: "167772161", prefix: 8 });
    expect(json(parseAddress("::1"))).toEqual({ family: 6, value: "1" });
    expect(json(parseNetwork("10.0.0.7/30"))).toEqual({
      family: 4,
      bits: 32,
      prefix: 30,
      base: "167772164",
      last: "167772167",
      broadcast: "167772167",
      hostBitsSet: true,
    });
    expect(json(parseNetwork("2001:db8::/127"))).not.toHaveProperty("broadcast");
  });

  it("writes findPool, intersection, allocate, canonicalAddress and validatePool results", () => {
    expect(json(findPool([v4], "10.1.0.5"))).toMatchObject({
      match: "network",
      pool: { name: "internal", size: "3" },
    });
    expect(json(intersection(v4, v4))).toBe("10.1.0.10");
    expect(json(v4.allocate([]))).toEqual(["10.1.0.10/24"]);
    expect(json(canonicalAddress("2001:DB8::1"))).toBe("2001:db8::1");
    expect(
      json(validatePool({ name: "b", network: "10.0.0.0/24", gateway: "10.9.0.1", addresses: [] })),
    ).toEqual([expect.objectContaining({ code: "zmgr::pool::gateway_outside_network" })]);
  });

  it("writes errors with their facts, counts as strings", () => {
    const exhausted = new PoolExhaustedError("p", 2n ** 64n, 0n, 1, "range");
    expect(json(exhausted)).toMatchObject({
      code: "zmgr::pool::exhausted",
      pool: "p",
      size: "18446744073709551616",
      free: "0",
      requested: 1,
    });
    expect(json(new PoolExhaustedError("p", 3n, 1n, 2, "list"))).toMatchObject({
      size: "3",
      free: "1",
    });
    expect(json(new InvalidAddressError("x"))).toMatchObject({ address: "x" });
    const invalid = new InvalidPoolError("p", []);
    expect(json(invalid)).toMatchObject({ code: "zmgr::pool::invalid", pool: "p", problems: [] });
  });
});
