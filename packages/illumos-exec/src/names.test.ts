import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkLinkName,
  checkZoneName,
  checkZoneNameSyntax,
  defaultVnicName,
  linkSafeZoneName,
} from "./names.js";

export const zoneNameArb = fc
  .tuple(
    fc.constantFrom(..."abcXYZ019"),
    fc.string({ unit: fc.constantFrom(..."aZ09_.-"), maxLength: 62 }),
  )
  .map(([first, rest]) => first + rest)
  .filter((n) => checkZoneName(n) === undefined);

describe("checkZoneName", () => {
  it("accepts names illumos accepts", () => {
    for (const name of ["web", "serv-backup", "0day", "a.b_c-d", "x".repeat(63)]) {
      expect(checkZoneName(name)).toBeUndefined();
    }
  });
  it("refuses a zone name longer than 63 characters", () => {
    expect(checkZoneName("x".repeat(64))).toMatch(/at most 63/);
  });
  it("refuses global, SUNW names, bad first characters and bad characters", () => {
    expect(checkZoneName("global")).toMatch(/global zone/);
    expect(checkZoneName("SUNWfoo")).toMatch(/SUNW/);
    expect(checkZoneName("-web")).toBeDefined();
    expect(checkZoneName("_web")).toBeDefined();
    expect(checkZoneName("web zone")).toBeDefined();
    expect(checkZoneName("web/x")).toBeDefined();
    expect(checkZoneName("")).toBeDefined();
  });
  it("keeps the SUNW rule case-sensitive like illumos", () => {
    expect(checkZoneName("sunwfoo")).toBeUndefined();
  });
});

describe("checkLinkName", () => {
  it("accepts valid datalink names", () => {
    for (const name of ["vnic0", "vnic10", "web0_0", "_a1", ".x2", `${"a".repeat(30)}1`]) {
      expect(checkLinkName(name)).toBeUndefined();
    }
  });
  it("refuses names dladm refuses", () => {
    expect(checkLinkName("vnic01")).toMatch(/leading zero/);
    expect(checkLinkName("vnic00")).toMatch(/leading zero/);
    expect(checkLinkName("vnic")).toMatch(/end in a number/);
    expect(checkLinkName("0vnic1")).toMatch(/start with a digit/);
    expect(checkLinkName("serv-backup0")).toMatch(/only letters/);
    expect(checkLinkName(`${"a".repeat(31)}1`)).toMatch(/at most 31/);
    expect(checkLinkName("v4294967295")).toMatch(/larger/);
    expect(checkLinkName("v4294967294")).toBeUndefined();
  });
});

describe("linkSafeZoneName and defaultVnicName", () => {
  it("follows the SPEC examples", () => {
    expect(defaultVnicName("web0", 0)).toBe("web0_0");
    expect(defaultVnicName("serv-backup", 0)).toBe("serv_backup0");
    expect(defaultVnicName("web", 1, "{zone}pub{index}")).toBe("webpub1");
    expect(linkSafeZoneName("9lives")).toBe("z9lives");
  });
  it("cuts long zone names so the whole name fits 31 characters", () => {
    const name = defaultVnicName("a".repeat(63), 12);
    expect(name).toBe(`${"a".repeat(29)}12`);
    expect(defaultVnicName(`${"a".repeat(29)}7bcd`, 3)).toBe(`${"a".repeat(29)}_3`);
    expect(defaultVnicName(`${"a".repeat(28)}7bcd`, 3)).toBe(`${"a".repeat(28)}7b3`);
  });
  it("gives a valid link name for every valid zone name and index", () => {
    fc.assert(
      fc.property(zoneNameArb, fc.nat({ max: 100_000 }), (zone, index) => {
        const name = defaultVnicName(zone, index);
        expect(checkLinkName(name)).toBeUndefined();
        expect(name.endsWith(String(index))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  it("gives a valid name for the {zone}pub{index} pattern too", () => {
    fc.assert(
      fc.property(zoneNameArb, fc.nat({ max: 99 }), (zone, index) => {
        expect(checkLinkName(defaultVnicName(zone, index, "{zone}pub{index}"))).toBeUndefined();
      }),
    );
  });
});

describe("checkZoneNameSyntax", () => {
  it("checks length and characters only; the reserved names are checkZoneName's", () => {
    expect(checkZoneNameSyntax("global")).toBeUndefined();
    expect(checkZoneNameSyntax("SUNWdefault")).toBeUndefined();
    expect(checkZoneName("global")).toMatch(/global zone/);
    expect(checkZoneName("SUNWdefault")).toMatch(/SUNW/);
    expect(checkZoneNameSyntax("a".repeat(63))).toBeUndefined();
    expect(checkZoneNameSyntax("a".repeat(64))).toMatch(/at most 63/);
    expect(checkZoneNameSyntax("-web")).toMatch(/must start with a letter or digit/);
    expect(checkZoneNameSyntax("")).toMatch(/empty/);
  });
});
