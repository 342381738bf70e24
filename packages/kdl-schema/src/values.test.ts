import { describe, expect, it } from "vitest";
import { checks } from "./checks.js";
import { isIsoDate, isMemorySize } from "./values.js";

// The address syntax itself is @zmgr/ipam's (isAddress/isCidr, property-tested there against
// node:net); these examples pin that the decoders use it.
describe("address checks of the decoders", () => {
  it("accepts IPv4 and IPv6 addresses and refuses malformed ones or a prefix", () => {
    for (const good of ["10.1.0.1", "0.0.0.0", "2001:db8::1", "::ffff:192.0.2.1", "::"]) {
      expect(checks.address(good), good).toBeUndefined();
    }
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
      "10.1.0.1/24",
    ]) {
      expect(checks.address(bad), bad).toBe(
        `${JSON.stringify(bad)} is not an IPv4 or IPv6 address`,
      );
    }
  });

  it("checks CIDRs: prefix within the family's width, no leading zeros", () => {
    for (const good of ["10.1.0.0/24", "0.0.0.0/0", "2001:db8:1::/64", "2001:db8:1::10/128"]) {
      expect(checks.cidr(good), good).toBeUndefined();
    }
    for (const bad of [
      "10.1.0.0/33",
      "2001:db8::/129",
      "10.1.0.0",
      "10.1.0.0/024",
      "10.1.0.0/",
      "/24",
      "10.1.0.0/2a",
    ]) {
      expect(checks.cidr(bad), bad).toContain("is not an address with a prefix length");
    }
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
