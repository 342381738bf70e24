import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memorySnapshot } from "../test/memory.js";
import { CLEAN } from "../test/registry.js";
import { validateSnapshot } from "./index.js";

/** One IPv6 address of public-v6 (2001:db8:1::/64), spelled in one of several equivalent ways. */
function spell(host: number, style: number): string {
  const h = host.toString(16);
  switch (style) {
    case 0:
      return `2001:db8:1::${h}`;
    case 1:
      return `2001:DB8:1:0:0:0:0:${h.toUpperCase()}`;
    default:
      return `2001:0db8:0001:0000::${h.padStart(4, "0")}`;
  }
}

const zonesArb = fc.array(
  fc.record({
    v4: fc.integer({ min: 100, max: 120 }),
    v6: fc.integer({ min: 0x100, max: 0x110 }),
    style: fc.integer({ min: 0, max: 2 }),
  }),
  { minLength: 1, maxLength: 25 },
);

describe("the address ledger (property)", () => {
  it("reports exactly the repeated holdings as duplicates, however IPv6 is spelled", () => {
    fc.assert(
      fc.property(zonesArb, (zones) => {
        const files = { ...CLEAN };
        zones.forEach((z, i) => {
          files[`zones/p${i}.kdl`] =
            `zone "p${i}" {\n  template "router"\n  net "public" { address "10.1.0.${z.v4}/24" "${spell(z.v6, z.style)}/64"; vnic "p${i}_0"; pool "internal" "public-v6"; }\n}\n`;
        });
        const diags = validateSnapshot(memorySnapshot(files));
        const v4 = zones.map((z) => z.v4);
        const v6 = zones.map((z) => z.v6);
        const repeats = (xs: number[]) => xs.length - new Set(xs).size;
        const expected = repeats(v4) + repeats(v6);
        expect(diags.filter((d) => d.code === "zmgr::address::duplicate")).toHaveLength(expected);
        expect(
          diags.filter((d) => d.severity === "error" && d.code !== "zmgr::address::duplicate"),
        ).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
