import { type Document, parse } from "@bgotink/kdl";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtures } from "../test/fixtures.js";
import { fastParse } from "./fast-parse.js";

/** The parts of a document the decoder reads: names, entries (name, value) and children. */
function shape(doc: Document): unknown {
  return doc.nodes.map((n) => ({
    name: n.getName(),
    tag: n.getTag(),
    entries: n.entries.map((e) => [e.getName(), e.getValue(), e.getTag()]),
    children: n.children ? shape(n.children) : null,
  }));
}

function fullOrError(text: string): unknown {
  try {
    return shape(parse(text));
  } catch {
    return "error";
  }
}

const sources = [...fixtures("valid"), ...fixtures("invalid")].map((f) => f.text);
const piece = fc.constantFrom(
  "zone",
  "net",
  "a-b.c_d",
  "true",
  "inf",
  '"z0"',
  '"10.0.0.1/16"',
  '""',
  '"""',
  '"a\\"b"',
  "x=1",
  'key="v"',
  "x =1",
  "-0",
  "-12",
  "007",
  "1.5",
  "0x1f",
  "1234567890123456",
  "#true",
  "#false",
  "#null",
  "#inf",
  "{",
  "}",
  ";",
  " ",
  "\t",
  "\n",
  "\r\n",
  "\r",
  "// c\n",
  "/* c */",
  "/-",
  "(t)",
  "\\",
  "=",
  "é",
  "\u200e",
);
const plainish = fc.array(piece, { maxLength: 30 }).map((xs) => xs.join(""));
const mutated = fc
  .tuple(fc.constantFrom(...sources), fc.nat(), piece)
  .map(([s, at, ins]) => s.slice(0, at % (s.length + 1)) + ins + s.slice(at % (s.length + 1)));

describe("fastParse", () => {
  it("reads the registry's own style of text", () => {
    const doc = fastParse(
      'zone "z0" {\n  template "oi"\n  net "internal" { address "10.0.0.10/16"; pool internal; }\n  autoboot #true\n  cpus 2 // comment\n}\n',
    );
    expect(doc && shape(doc)).toEqual(
      fullOrError(
        'zone "z0" {\n  template "oi"\n  net "internal" { address "10.0.0.10/16"; pool internal; }\n  autoboot #true\n  cpus 2 // comment\n}\n',
      ),
    );
  });

  it("leaves escapes, raw and multi-line strings, tags, slashdash and v1 text to the full parser", () => {
    for (const text of [
      'a "x\\ny"',
      'a #"raw"#',
      'a """\n  x\n  """',
      "(t)a 1",
      "a /-1",
      "a true",
      'a r"x"',
      "a 1.5",
      "a x=1 x=2",
      "a;;b",
      "a 1}",
      "\uFEFFa",
    ]) {
      expect(fastParse(text), text).toBeUndefined();
    }
  });

  it("agrees with the full parser on every fixture it accepts", () => {
    let accepted = 0;
    for (const text of sources) {
      const doc = fastParse(text);
      if (doc === undefined) continue;
      accepted++;
      expect(shape(doc)).toEqual(fullOrError(text));
    }
    expect(accepted).toBeGreaterThan(sources.length / 2);
  });

  it("never accepts text the full parser rejects, and reads what it accepts the same way", () => {
    fc.assert(
      fc.property(fc.oneof(plainish, mutated), (text) => {
        const doc = fastParse(text);
        if (doc !== undefined) expect(shape(doc)).toEqual(fullOrError(text));
      }),
      { numRuns: 3000 },
    );
  });
});
