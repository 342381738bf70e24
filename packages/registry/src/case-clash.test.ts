import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseClashes } from "./load.js";

const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,6}$/);

describe("caseClashes", () => {
  it("reports one clash per name beyond the first of each case-insensitive group", () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 30 }), (names) => {
        const groups = new Set(names.map((n) => n.toLowerCase())).size;
        const clashes = caseClashes("pool", names);
        expect(clashes).toHaveLength(names.length - groups);
        for (const d of clashes) {
          expect(d.code).toBe("zmgr::registry::case_clash");
          expect(d.severity).toBe("error");
        }
      }),
    );
  });

  it("does not depend on the order the directory listed the files in", () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 20 }), fc.nat(), (names, seed) => {
        const shuffled = [...names].sort(
          (a, b) => ((a.length * seed) % 7) - ((b.length * seed) % 7),
        );
        expect(caseClashes("zone", shuffled)).toEqual(caseClashes("zone", names));
      }),
    );
  });
});
