import fc from "fast-check";
import { Address4, Address6 } from "ip-address";
import { describe, expect, it } from "vitest";
import { fastV6 } from "./fast-v6.js";
import {
  canonicalAddress,
  familyOf,
  formatAddress,
  InvalidAddressError,
  isLinkLocalV6,
  parseAddress,
} from "./index.js";

describe("parseAddress", () => {
  it("reads IPv4 and IPv6, with and without a prefix length", () => {
    expect(parseAddress("10.1.0.10")).toEqual({ family: 4, value: 0x0a01000an });
    expect(parseAddress("10.1.0.10/24")).toEqual({ family: 4, value: 0x0a01000an, prefix: 24 });
    expect(parseAddress("2001:DB8::1/64")).toEqual({
      family: 6,
      value: (0x20010db8n << 96n) | 1n,
      prefix: 64,
    });
    expect(parseAddress("::ffff:192.0.2.1")).toEqual({ family: 6, value: 0xffffc0000201n });
    expect(parseAddress("::ffff:192.0.2.1/96")).toEqual({
      family: 6,
      value: 0xffffc0000201n,
      prefix: 96,
    });
    expect(parseAddress("::ffff:192.0.2.1/129")).toBeUndefined();
  });

  it("refuses bad syntax, out-of-range prefixes, zone ids and whitespace", () => {
    for (const bad of [
      "",
      "10.1.0",
      "10.1.0.256",
      "010.1.0.1",
      "10.1.0.1/33",
      "10.1.0.1/",
      "10.1.0.1/024",
      " 10.1.0.1",
      "2001:db8::1::2",
      "2001:db8::/129",
      "1:2:3:4:5:6:7:8:9",
      "fe80::1%net0",
      "12345::",
      "gggg::",
      "1:2:3:4:5:6:7:8::",
    ]) {
      expect(parseAddress(bad), bad).toBeUndefined();
    }
  });

  it("agrees with ip-address on which texts are addresses and what they denote", () => {
    const chars6 = fc.constantFrom(..."0123456789abcdefABCDEF:.:::");
    const chars4 = fc.constantFrom(..."0123456789...");
    const bare = fc.oneof(
      fc.string({ unit: chars6, maxLength: 24 }),
      fc.string({ unit: chars4, maxLength: 16 }),
      fc.bigInt(0n, (1n << 128n) - 1n).map((v) => formatAddress(6, v)),
      fc
        .bigInt(0n, (1n << 128n) - 1n)
        .map((v) => new Address6(formatAddress(6, v)).canonicalForm()),
      fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((n) => formatAddress(4, BigInt(n))),
      // embedded IPv4: six hex groups, then a dotted quad
      fc
        .tuple(
          fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 6, maxLength: 6 }),
          fc.nat(),
        )
        .map(
          ([gs, n]) => `${gs.map((g) => g.toString(16)).join(":")}:${formatAddress(4, BigInt(n))}`,
        ),
    );
    const suffix = fc.option(fc.oneof(fc.nat(140).map(String), fc.constantFrom("", "024", "x")));
    fc.assert(
      fc.property(bare, suffix, (b, p) => {
        const s = p === null ? b : `${b}/${p}`;
        const ours = parseAddress(s);
        const prefix = p === null ? {} : { prefix: Number(p) };
        const okPrefix = p === null || /^(0|[1-9]\d*)$/.test(p);
        if (okPrefix && Address4.isValid(s)) {
          expect(ours).toEqual({ family: 4, value: new Address4(s).bigInt(), ...prefix });
        } else if (okPrefix && Address6.isValid(s)) {
          expect(ours).toEqual({ family: 6, value: new Address6(s).bigInt(), ...prefix });
          if (!b.includes(".")) expect(fastV6(s)).toBeDefined();
        } else {
          expect(ours).toBeUndefined();
        }
      }),
      { numRuns: 4000 },
    );
  });
});

describe("familyOf and isLinkLocalV6", () => {
  it("names the family or undefined", () => {
    expect(familyOf("203.0.113.10/24")).toBe(4);
    expect(familyOf("2001:db8::10")).toBe(6);
    expect(familyOf("nope")).toBeUndefined();
  });

  it("recognises fe80::/10 only", () => {
    expect(isLinkLocalV6("fe80::1")).toBe(true);
    expect(isLinkLocalV6("FEBF:ffff::1/64")).toBe(true);
    expect(isLinkLocalV6("fec0::1")).toBe(false);
    expect(isLinkLocalV6("fe7f::1")).toBe(false);
    expect(isLinkLocalV6("169.254.0.1")).toBe(false);
  });
});

describe("canonicalAddress", () => {
  it("writes RFC 5952 text and keeps the prefix length", () => {
    expect(canonicalAddress("2001:0DB8:0000:0000:0001:0000:0000:0001/64")).toBe(
      "2001:db8::1:0:0:1/64",
    );
    expect(canonicalAddress("2001:db8:0:1:1:1:1:1")).toBe("2001:db8:0:1:1:1:1:1");
    expect(canonicalAddress("2001:db8:0:0:1:0:0:0")).toBe("2001:db8:0:0:1::");
    expect(canonicalAddress("0:0:0:0:0:0:0:0")).toBe("::");
    expect(canonicalAddress("::ffff:192.0.2.1")).toBe("::ffff:c000:201");
    expect(canonicalAddress("10.1.0.10/24")).toBe("10.1.0.10/24");
  });

  it("throws zmgr::ipam::invalid_address on anything else", () => {
    expect(() => canonicalAddress("10.1.0.300")).toThrow(InvalidAddressError);
    try {
      canonicalAddress("x");
    } catch (e) {
      expect((e as InvalidAddressError).code).toBe("zmgr::ipam::invalid_address");
    }
  });

  const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
  const groups = fc.array(group, { minLength: 8, maxLength: 8 });
  // any accepted spelling of the same address: full, leading zeros, uppercase, compressed
  const spelling = fc.constantFrom("full", "padded", "upper", "ours");
  const spell = (gs: number[], how: string): string => {
    const value = gs.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
    if (how === "full") return gs.map((g) => g.toString(16)).join(":");
    if (how === "padded") return gs.map((g) => g.toString(16).padStart(4, "0")).join(":");
    if (how === "upper") return formatAddress(6, value).toUpperCase();
    return formatAddress(6, value);
  };

  it("is lowercase, compresses the first longest zero run (≥ 2 groups) and round-trips", () => {
    fc.assert(
      fc.property(groups, spelling, (gs, how) => {
        const out = canonicalAddress(spell(gs, how));
        expect(out).toBe(out.toLowerCase());
        const value = gs.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
        expect(parseAddress(out)?.value).toBe(value);
        // where the longest zero run is (first on a tie), by brute force
        let best = { at: -1, len: 1 };
        for (let i = 0; i < 8; i++) {
          let j = i;
          while (j < 8 && gs[j] === 0) j++;
          if (j - i > best.len) best = { at: i, len: j - i };
        }
        const expected =
          best.at < 0
            ? gs.map((g) => g.toString(16)).join(":")
            : `${gs
                .slice(0, best.at)
                .map((g) => g.toString(16))
                .join(":")}::${gs
                .slice(best.at + best.len)
                .map((g) => g.toString(16))
                .join(":")}`;
        expect(out).toBe(expected);
        expect(out.split("::").length).toBeLessThanOrEqual(2);
        for (const g of out.split(/::?/)) expect(g === "" || !/^0./.test(g)).toBe(true);
        expect(out).toBe(new Address6(out).correctForm());
      }),
      { numRuns: 2000 },
    );
  });

  it("writes IPv4 without leading zeros and round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => {
        const out = canonicalAddress(formatAddress(4, BigInt(n)));
        expect(out).toBe(new Address4(out).correctForm());
        expect(parseAddress(out)?.value).toBe(BigInt(n));
      }),
    );
  });
});
