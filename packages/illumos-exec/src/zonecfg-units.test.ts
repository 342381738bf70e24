import { describe, expect, it } from "vitest";
import { bytesToUnits, parseByteCount } from "./zonecfg-units.js";

// Expected strings worked out by hand from zonecfg.c's bytes_to_units.
describe("bytesToUnits", () => {
  it("prints whole units as zonecfg info does", () => {
    expect(bytesToUnits(268435456n)).toBe("256M");
    expect(bytesToUnits(536870912n)).toBe("512M");
    expect(bytesToUnits(2147483648n)).toBe("2G");
    expect(bytesToUnits(1023n)).toBe("1023");
    expect(bytesToUnits(1024n)).toBe("1K");
  });

  it("prints one decimal below 10 units, an exact half rounded to even like C printf", () => {
    // 2415919104 = 2304M; 2304/1024 = 2.25 → "2.2" (round half to even)
    expect(bytesToUnits(2415919104n)).toBe("2.2G");
    // 2.75G → "2.8" (half to even: 27.5 → 28)
    expect(bytesToUnits(2952790016n)).toBe("2.8G");
    // 1.5G
    expect(bytesToUnits(1610612736n)).toBe("1.5G");
  });

  it("rounds to the nearest whole unit at 10 units and above", () => {
    // 10.5G = 10752M → (10752 + 512) >> 10 = 11
    expect(bytesToUnits(11274289152n)).toBe("11G");
  });

  it("stops at terabytes", () => {
    expect(bytesToUnits(2n ** 50n)).toBe("1024T");
  });
});

describe("parseByteCount", () => {
  it("takes decimal digits only", () => {
    expect(parseByteCount("268435456")).toBe(268435456n);
    expect(parseByteCount("2G")).toBeUndefined();
    expect(parseByteCount(undefined)).toBeUndefined();
  });
});
