import { isIP } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { familyOf, isAddress, isCidr } from "./index.js";

// Oracle: Node's own address parser (node:net isIP), independent of ipam's char-code parsers
// and of ip-address. Known, deliberate differences, listed by hand:
// - zone ids ("fe80::1%net0"): node accepts them, zmgr refuses (an address in a registry file
//   or zonecfg never carries one).
// Everything else must agree.
const ZONE_ID = /%/;
function oracleFamily(text: string): 4 | 6 | undefined {
  if (ZONE_ID.test(text)) return undefined;
  const f = isIP(text);
  return f === 4 || f === 6 ? f : undefined;
}
function oracleCidr(text: string): boolean {
  const slash = text.lastIndexOf("/");
  if (slash < 0) return false;
  const family = oracleFamily(text.slice(0, slash));
  const p = text.slice(slash + 1);
  if (family === undefined || !/^(0|[1-9][0-9]*)$/.test(p)) return false;
  return Number(p) <= (family === 4 ? 32 : 128);
}

const noise = fc.string({
  unit: fc.constantFrom(..."0123456789abcdefABCDEFxg:./% "),
  maxLength: 45,
});
const v4 = fc.oneof(fc.ipV4(), fc.ipV4Extended());
const candidates = fc.oneof(
  v4,
  fc.ipV6(),
  noise,
  fc.tuple(fc.ipV6(), noise).map(([a, b]) => a + b),
);
const prefix = fc.oneof(fc.nat(140).map(String), fc.constantFrom("", "00", "01", "-1", "8 "));
const params = { numRuns: 2000 };

describe("address syntax against node:net as the oracle", () => {
  it("accepts exactly the addresses node:net accepts (zone ids aside)", () => {
    fc.assert(
      fc.property(candidates, (text) => {
        expect(isAddress(text), JSON.stringify(text)).toBe(oracleFamily(text) !== undefined);
        if (!text.includes("/")) expect(familyOf(text)).toBe(oracleFamily(text));
      }),
      params,
    );
  });

  it("accepts a/p exactly when the address is valid and p fits the family, without leading zeros", () => {
    fc.assert(
      fc.property(candidates, prefix, (a, p) => {
        const text = `${a}/${p}`;
        expect(isCidr(text), JSON.stringify(text)).toBe(oracleCidr(text));
      }),
      params,
    );
  });

  it("refuses the hand-listed differences from node:net", () => {
    expect(isIP("fe80::1%net0")).toBe(6);
    expect(isAddress("fe80::1%net0")).toBe(false);
    expect(isCidr("fe80::1%net0/64")).toBe(false);
  });

  it("refuses a prefix on a plain address check and a missing one on a CIDR check", () => {
    expect(isAddress("10.0.0.1/24")).toBe(false);
    expect(isCidr("10.0.0.1")).toBe(false);
    expect(isCidr("10.0.0.0/33")).toBe(false);
    expect(isCidr("2001:db8::/128")).toBe(true);
    expect(isCidr("2001:db8::/129")).toBe(false);
  });
});
