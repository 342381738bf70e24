import { describe, expect, it } from "vitest";
import {
  AddressInUseError,
  AddressNotAllocatableError,
  InvalidPoolError,
  IpPool,
  PoolExhaustedError,
  type PoolSpec,
} from "./index.js";

const internal: PoolSpec = {
  name: "internal",
  network: "10.1.0.0/24",
  gateway: "10.1.0.1",
  range: { start: "10.1.0.10", end: "10.1.0.250" },
  reserve: ["10.1.0.53", "10.1.0.54"],
};
const publicPool: PoolSpec = {
  name: "public",
  network: "203.0.113.0/24",
  gateway: "203.0.113.1",
  addresses: ["203.0.113.20", "203.0.113.10", "203.0.113.11"],
};

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
}

describe("IpPool.from", () => {
  it("knows name, family, prefix and size (range minus gateway, reserve)", () => {
    const pool = IpPool.from(internal);
    expect([pool.name, pool.family, pool.prefixLength, pool.size]).toEqual([
      "internal",
      4,
      24,
      239n,
    ]);
  });

  it("excludes network and IPv4 broadcast from a range that covers them, but not on a /31", () => {
    expect(
      IpPool.from({
        name: "a",
        network: "10.0.0.0/29",
        range: { start: "10.0.0.0", end: "10.0.0.7" },
      }).size,
    ).toBe(6n);
    expect(
      IpPool.from({
        name: "b",
        network: "10.0.0.0/31",
        range: { start: "10.0.0.0", end: "10.0.0.1" },
      }).size,
    ).toBe(1n);
    expect(
      IpPool.from({
        name: "c",
        network: "2001:db8::/126",
        range: { start: "2001:db8::", end: "2001:db8::3" },
      }).size,
    ).toBe(3n);
  });

  it("has bigint sizes beyond 2^64 for IPv6", () => {
    const pool = IpPool.from({
      name: "v6",
      network: "2001:db8::/48",
      range: { start: "2001:db8::", end: "2001:db8:0:ffff:ffff:ffff:ffff:ffff" },
    });
    expect(pool.size).toBe((1n << 80n) - 1n);
  });

  it("throws zmgr::pool::invalid with the problems on an invalid spec", () => {
    const err = thrown(() => IpPool.from({ ...internal, gateway: "10.9.0.1" })) as InvalidPoolError;
    expect(err).toBeInstanceOf(InvalidPoolError);
    expect(err.code).toBe("zmgr::pool::invalid");
    expect(err.message).toContain("10.9.0.1");
    expect(err.problems.map((p) => p.code)).toEqual(["zmgr::pool::gateway_outside_network"]);
  });
});

describe("contains, inNetwork", () => {
  const pool = IpPool.from(internal);
  it("separates the allocatable set from the network", () => {
    expect(pool.contains("10.1.0.10")).toBe(true);
    expect(pool.contains("10.1.0.10/24")).toBe(true);
    expect(pool.contains("10.1.0.53")).toBe(false);
    expect(pool.contains("10.1.0.1")).toBe(false);
    expect(pool.contains("10.1.0.5")).toBe(false);
    expect(pool.inNetwork("10.1.0.5")).toBe(true);
    expect(pool.inNetwork("10.1.1.5")).toBe(false);
    expect(pool.inNetwork("::a01:5")).toBe(false);
  });
});

describe("allocate", () => {
  it("takes the lowest free address of a range, with the network's prefix", () => {
    const pool = IpPool.from(internal);
    expect(pool.allocate([])).toEqual(["10.1.0.10/24"]);
    expect(pool.allocate(["10.1.0.10/24", "10.1.0.11", "10.1.0.13"])).toEqual(["10.1.0.12/24"]);
  });

  it("skips reserved addresses and the gateway", () => {
    const pool = IpPool.from({ ...internal, range: { start: "10.1.0.1", end: "10.1.0.60" } });
    expect(pool.allocate([])).toEqual(["10.1.0.2/24"]);
    const used = Array.from({ length: 51 }, (_, i) => `10.1.0.${i + 2}`);
    expect(pool.allocate(used)).toEqual(["10.1.0.55/24"]);
  });

  it("takes the first free address of a list in file order", () => {
    const pool = IpPool.from(publicPool);
    expect(pool.allocate([])).toEqual(["203.0.113.20/24"]);
    expect(pool.allocate(["203.0.113.20/24"], 2)).toEqual(["203.0.113.10/24", "203.0.113.11/24"]);
  });

  it("refuses a count that is not a whole number ≥ 0", () => {
    expect(() => IpPool.from(internal).allocate([], 1.5)).toThrow(RangeError);
    expect(() => IpPool.from(internal).allocate([], -1)).toThrow(RangeError);
    expect(IpPool.from(internal).allocate([], 0)).toEqual([]);
  });

  it("gives distinct addresses when several are asked for at once", () => {
    expect(IpPool.from(internal).allocate(["10.1.0.11"], 3)).toEqual([
      "10.1.0.10/24",
      "10.1.0.12/24",
      "10.1.0.13/24",
    ]);
  });

  it("writes IPv6 in RFC 5952 form and reads used addresses in any form", () => {
    const pool = IpPool.from({
      name: "v6",
      network: "2001:DB8:1::/64",
      gateway: "fe80::1",
      range: { start: "2001:db8:1::10", end: "2001:db8:1::ffff" },
    });
    expect(pool.allocate(["2001:0DB8:0001:0000:0000:0000:0000:0010/64", "10.1.0.10/24"])).toEqual([
      "2001:db8:1::11/64",
    ]);
  });

  it("puts pinned addresses first and fills the rest with free ones", () => {
    const pool = IpPool.from(internal);
    expect(pool.allocate([], 1, ["10.1.0.100"])).toEqual(["10.1.0.100/24"]);
    expect(pool.allocate(["10.1.0.10"], 2, ["10.1.0.11/24"])).toEqual([
      "10.1.0.11/24",
      "10.1.0.12/24",
    ]);
  });

  it("refuses a pinned address outside the allocatable set, saying why", () => {
    const pool = IpPool.from(internal);
    for (const [addr, why] of [
      ["10.1.0.53", "reserved"],
      ["10.1.0.1", "gateway"],
      ["10.1.0.5", "range"],
      ["10.2.0.5", "network"],
      ["2001:db8::5", "IPv6"],
      ["bogus", "not an address"],
    ] as const) {
      const err = thrown(() => pool.allocate([], 1, [addr])) as AddressNotAllocatableError;
      expect(err).toBeInstanceOf(AddressNotAllocatableError);
      expect(err.code).toBe("zmgr::pool::address_not_allocatable");
      expect(err.message).toContain(why);
    }
  });

  it("refuses a pinned address in use, or pinned twice", () => {
    const pool = IpPool.from(internal);
    const err = thrown(() =>
      pool.allocate(["10.1.0.100/24"], 1, ["10.1.0.100"]),
    ) as AddressInUseError;
    expect(err).toBeInstanceOf(AddressInUseError);
    expect(err.code).toBe("zmgr::pool::address_in_use");
    expect(() => pool.allocate([], 2, ["10.1.0.100", "10.1.0.100"])).toThrow(AddressInUseError);
  });

  it("throws zmgr::pool::exhausted with pool name, size and help when nothing is free", () => {
    const pool = IpPool.from(publicPool);
    const err = thrown(() =>
      pool.allocate(["203.0.113.10", "203.0.113.11", "203.0.113.20"]),
    ) as PoolExhaustedError;
    expect(err).toBeInstanceOf(PoolExhaustedError);
    expect(err.code).toBe("zmgr::pool::exhausted");
    expect(err.message).toBe('pool "public" is exhausted (size 3, all in use)');
    expect(err.help).toContain("zmgr pool add-address public");
    expect(err.details).toMatchObject({ pool: "public", size: "3", free: "0" });
    expect(JSON.stringify(err.toJSON())).toContain('"size":"3"');
  });

  it("throws exhausted (and allocates nothing) when fewer are free than asked for", () => {
    const pool = IpPool.from(publicPool);
    const err = thrown(() => pool.allocate(["203.0.113.10"], 3)) as PoolExhaustedError;
    expect(err.message).toBe('pool "public" has only 2 free addresses (size 3), 3 requested');
    expect(IpPool.from(internal).allocate([], 1)).toHaveLength(1);
  });

  it("is instant in an IPv4 /8 and an IPv6 /64 (cost follows the used set, not the range)", () => {
    const v4 = IpPool.from({
      name: "big",
      network: "10.0.0.0/8",
      range: { start: "10.0.0.0", end: "10.255.255.255" },
    });
    expect(v4.allocate(["10.0.0.1", "10.0.0.2"], 2)).toEqual(["10.0.0.3/8", "10.0.0.4/8"]);
    const v6 = IpPool.from({
      name: "v6",
      network: "2001:db8::/64",
      range: { start: "2001:db8::", end: "2001:db8::ffff:ffff:ffff:ffff" },
    });
    expect(v6.size).toBe((1n << 64n) - 1n);
    expect(v6.allocate(["2001:db8::1"])).toEqual(["2001:db8::2/64"]);
  });
});

describe("utilisation", () => {
  it("counts used addresses of the allocatable set only", () => {
    const util = IpPool.from(internal).utilisation([
      "10.1.0.12/24",
      "10.1.0.10",
      "10.1.0.10",
      "10.1.0.53",
      "10.1.0.2",
      "10.9.0.1",
      "2001:db8::1",
    ]);
    expect(util).toEqual({
      size: 239n,
      used: 2,
      free: 237n,
      percent: (2 / 239) * 100,
      usedAddresses: ["10.1.0.10", "10.1.0.12"],
    });
  });

  it("is 100 % for a full pool and for a pool with nothing to hand out", () => {
    expect(
      IpPool.from(publicPool).utilisation(["203.0.113.10", "203.0.113.11", "203.0.113.20"]).percent,
    ).toBe(100);
    expect(
      IpPool.from({ name: "e", network: "10.0.0.0/24", addresses: [] }).utilisation([]).percent,
    ).toBe(100);
  });
});
