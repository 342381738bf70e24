import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as arb from "../test/arbitraries.js";
import { fixtures } from "../test/fixtures.js";
import { formatDocument } from "./format.js";
import { locate } from "./locate.js";
import { parseDocument } from "./parse.js";
import { DOC_KINDS } from "./types.js";
import { updateDocument } from "./update.js";

const sources = [...fixtures("valid"), ...fixtures("invalid")].map((f) => f.text);
const noise = fc.oneof(
  fc.constantFrom(
    "{",
    "}",
    ";",
    '"',
    "#",
    "/-",
    "//",
    "/*",
    "*/",
    "\\",
    "=",
    "\n",
    " ",
    "#true",
    'r#"',
    "-",
    "0x",
    "(",
    ")",
  ),
  fc.string({ unit: "binary", maxLength: 3 }),
);

type Edit = (s: string) => string;
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.nat(), noise).map(
    ([at, ins]): Edit =>
      (s) =>
        s.slice(0, at % (s.length + 1)) + ins + s.slice(at % (s.length + 1)),
  ),
  fc.tuple(fc.nat(), fc.nat(5)).map(
    ([at, n]): Edit =>
      (s) =>
        s.slice(0, at % (s.length + 1)) + s.slice((at % (s.length + 1)) + n),
  ),
  fc.nat().map(
    (at): Edit =>
      (s) =>
        s.slice(0, at % (s.length + 1)),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([a, b]): Edit =>
      (s) => {
        const lines = s.split("\n");
        const i = a % lines.length;
        const j = b % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        return lines.join("\n");
      },
  ),
);

const mutated = fc
  .tuple(fc.constantFrom(...sources), fc.array(edit, { minLength: 1, maxLength: 4 }))
  .map(([src, edits]) => edits.reduce((s, e) => e(s), src));

describe("any input, however broken", () => {
  it("never throws and never hits the internal-error fallback", () => {
    fc.assert(
      fc.property(mutated, fc.constantFrom(...DOC_KINDS), (text, kind) => {
        const parsed = parseDocument(kind, text, "fuzz.kdl");
        expect(parsed.diagnostics.map((d) => d.code)).not.toContain("zmgr::kdl::internal");
        for (const d of parsed.diagnostics) {
          expect(d.code).toMatch(/^zmgr::kdl::[a-z0-9_]+$/);
          if (d.path) locate(text, "fuzz.kdl", d.path);
        }
        if (parsed.value !== undefined) {
          const { text: same } = updateDocument(parsed, parsed.value);
          if (parsed.kdlVersion === 2) expect(same).toBe(text);
          expect(parseDocument(kind, same, "fuzz.kdl").value).toEqual(parsed.value);
        }
      }),
      { numRuns: 600 },
    );
  });

  it("edits any readable mutated document into any other value", () => {
    const kinds = [...fixtures("valid"), ...fixtures("invalid")].filter((f) =>
      DOC_KINDS.includes(f.kind),
    );
    const cases = fc.constantFrom(...kinds).chain((f) =>
      fc.record({
        kind: fc.constant(f.kind),
        text: fc.array(edit, { maxLength: 3 }).map((edits) => edits.reduce((s, e) => e(s), f.text)),
        value: (arb as unknown as Record<string, fc.Arbitrary<unknown>>)[f.kind]!,
      }),
    );
    let edited = 0;
    fc.assert(
      fc.property(cases, ({ kind, text, value }) => {
        const parsed = parseDocument(kind, text, "fuzz.kdl");
        if (parsed.value !== undefined) edited++;
        const out = updateDocument(parsed, value as never);
        expect(parseDocument(kind, out.text, "fuzz.kdl").value).toEqual(value);
      }),
      { numRuns: 600 },
    );
    expect(edited).toBeGreaterThan(100);
  });

  it("formats without changing what the file means", () => {
    fc.assert(
      fc.property(mutated, fc.constantFrom(...DOC_KINDS), (text, kind) => {
        const out = formatDocument(text, "fuzz.kdl");
        expect(out.diagnostics.map((d) => d.code)).not.toContain("zmgr::kdl::format_failed");
        const before = parseDocument(kind, text, "fuzz.kdl");
        if (!out.changed) return;
        const after = parseDocument(kind, out.text, "fuzz.kdl");
        expect(after.value).toEqual(before.value);
        expect(formatDocument(out.text, "fuzz.kdl").text).toBe(out.text);
      }),
      { numRuns: 600 },
    );
  });

  it("never throws from locate on random paths", () => {
    fc.assert(
      fc.property(
        mutated,
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 5 }),
        (text, path) => {
          locate(text, "fuzz.kdl", ["zone", ...path]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
