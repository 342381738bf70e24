import fc from "fast-check";
import { Address4, Address6 } from "ip-address";
import { describe, expect, it } from "vitest";
import { isCidr, isIPv4, isIPv6, isIpAddress, isIsoDate, isMemorySize } from "./values.js";

describe("address syntax", () => {
  it("accepts any IPv4 and IPv6 address and rejects both with a prefix", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.ipV6(), (v4, v6) => {
        expect(isIPv4(v4) && isIpAddress(v4) && !isIPv6(v4)).toBe(true);
        expect(isIPv6(v6) && isIpAddress(v6) && !isIPv4(v6)).toBe(true);
        expect(isIpAddress(`${v4}/24`)).toBe(false);
      }),
    );
  });

  it("refuses malformed addresses", () => {
    for (const bad of [
      "10.1.0",
      "10.1.0.256",
      "010.1.0.1",
      "1.2.3.4.5",
      "2001:db8::1::2",
      "fe80::1%net0",
      "gggg::1",
      "",
      " 10.0.0.1",
    ]) {
      expect(isIpAddress(bad), bad).toBe(false);
    }
  });

  it("agrees with ip-address on which IPv4 strings are valid dotted quads", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 4, maxLength: 4 }),
        (parts) => {
          const s = parts.join(".");
          expect(isIPv4(s)).toBe(Address4.isValid(s) && parts.every((p) => p <= 255));
        },
      ),
    );
  });

  it("checks CIDRs: prefix within the family's width, no leading zeros", () => {
    expect(isCidr("10.1.0.0/24")).toBe(true);
    expect(isCidr("0.0.0.0/0")).toBe(true);
    expect(isCidr("2001:db8:1::/64")).toBe(true);
    expect(isCidr("2001:db8:1::10/128")).toBe(true);
    for (const bad of [
      "10.1.0.0/33",
      "2001:db8::/129",
      "10.1.0.0",
      "10.1.0.0/024",
      "10.1.0.0/",
      "/24",
      "10.1.0.0/2a",
    ]) {
      expect(isCidr(bad), bad).toBe(false);
    }
    expect(Address6.isValid("2001:db8:1::/64")).toBe(true);
  });
});

describe("other value syntax", () => {
  it("reads memory sizes as zonecfg writes them", () => {
    expect(["2G", "512M", "1.5g", "1024"].every(isMemorySize)).toBe(true);
    expect(["2 G", "G", "-1G", "2GB"].some(isMemorySize)).toBe(false);
  });

  it("reads dates and ISO times", () => {
    expect(
      ["2026-03-22", "2026-03-22T10:15:00Z", "2026-03-22T10:15:00.123+02:00"].every(isIsoDate),
    ).toBe(true);
    expect(["22.03.2026", "2026-13-40", "yesterday", ""].some(isIsoDate)).toBe(false);
  });
});
