import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as arb from "../test/arbitraries.js";
import { parseDocument } from "./parse.js";
import { printDocument } from "./print.js";
import type { DocKind, DocValueMap } from "./types.js";
import { updateDocument } from "./update.js";

const kinds: { [K in DocKind]: fc.Arbitrary<DocValueMap[K]> } = {
  config: arb.config,
  template: arb.template,
  pool: arb.pool,
  zone: arb.zone,
  publisher: arb.publisher,
};

function errorsOf(kind: DocKind, text: string) {
  return parseDocument(kind, text, "x.kdl").diagnostics.filter((d) => d.severity === "error");
}

describe("printDocument", () => {
  for (const kind of Object.keys(kinds) as DocKind[]) {
    it(`prints any valid ${kind} so that parsing gives back the same value`, () => {
      fc.assert(
        fc.property(kinds[kind] as fc.Arbitrary<DocValueMap[typeof kind]>, (value) => {
          const text = printDocument(kind, value);
          const parsed = parseDocument(kind, text, `${kind}.kdl`);
          expect(errorsOf(kind, text)).toEqual([]);
          expect(parsed.kdlVersion).toBe(2);
          expect(parsed.value).toEqual(value);
        }),
        { numRuns: 150 },
      );
    });

    it(`edits any ${kind} into any other so that parsing gives the new value`, () => {
      const a = kinds[kind] as fc.Arbitrary<DocValueMap[typeof kind]>;
      fc.assert(
        fc.property(a, a, (before, after) => {
          const previous = parseDocument(kind, printDocument(kind, before), `${kind}.kdl`);
          const { text, upgraded } = updateDocument(previous, after);
          expect(upgraded).toBe(false);
          expect(parseDocument(kind, text, `${kind}.kdl`).value).toEqual(after);
        }),
        { numRuns: 150 },
      );
    });
  }

  for (const kind of Object.keys(kinds) as DocKind[]) {
    it(`edits a hand-written ${kind} (comments, tabs, multi-line nets) into any other value`, () => {
      const a = kinds[kind] as fc.Arbitrary<DocValueMap[typeof kind]>;
      const layout = fc.array(fc.constantFrom("comment", "tab", "split", "none"), {
        minLength: 1,
        maxLength: 40,
      });
      fc.assert(
        fc.property(a, a, layout, (before, after, moves) => {
          const lines = printDocument(kind, before).split("\n");
          const text = lines
            .map((line, i) => {
              const move = moves[i % moves.length];
              if (move === "comment") return `${line} // note ${i}`;
              if (move === "tab") return line.replace(/^ {2}/, "\t");
              if (move === "split")
                return line.replace(
                  / \{ (.*); \}$/,
                  (_m, body: string) => ` {\n    ${body.split("; ").join("\n    ")}\n  }`,
                );
              return line;
            })
            .join("\n");
          const previous = parseDocument(kind, text, `${kind}.kdl`);
          expect(previous.value).toEqual(before);
          const out = updateDocument(previous, after).text;
          expect(parseDocument(kind, out, `${kind}.kdl`).value).toEqual(after);
        }),
        { numRuns: 150 },
      );
    });
  }

  it("writes the canonical style: 2-space indent, nets on one line, strings quoted", () => {
    const text = printDocument("zone", {
      name: "router1",
      template: "router",
      nets: [
        {
          name: "internal",
          addresses: ["10.1.0.11/24"],
          gateways: ["10.1.0.1"],
          vnic: "router10",
          stub: "oinetint0",
          pools: ["internal"],
        },
      ],
      created: "2026-03-22",
      status: {
        state: "creating",
        pid: 42,
        host: "gz",
        hostId: "3d1219c7",
        pidStart: "linux:b00t:175971",
        started: "2026-03-22T10:00:00Z",
      },
    });
    expect(text).toBe(
      [
        'zone "router1" {',
        '  template "router"',
        '  net "internal" { address "10.1.0.11/24"; gateway "10.1.0.1"; vnic "router10"; stub "oinetint0"; pool "internal"; }',
        '  created "2026-03-22"',
        '  status "creating" by="gz" host-id="3d1219c7" pid=42 pid-start="linux:b00t:175971" started="2026-03-22T10:00:00Z"',
        "}",
        "",
      ].join("\n"),
    );
  });

  it("writes list pools in the arguments form", () => {
    const text = printDocument("pool", {
      name: "public",
      network: "203.0.113.0/24",
      stub: "pubstub0",
      mode: { kind: "list", addresses: ["203.0.113.10", "203.0.113.11"] },
      reserve: [],
    });
    expect(text).toContain('  addresses "203.0.113.10" "203.0.113.11"\n');
  });
});
