import { describe, expect, it } from "vitest";
import { expected, fixtures } from "../test/fixtures.js";
import { locate } from "./locate.js";
import { parseDocument } from "./parse.js";
import type { DocKind } from "./types.js";

interface Expected {
  kind: DocKind;
  code: string;
  severity: "error" | "warning";
  line: number;
  column: number;
  path?: string[];
}

describe("valid fixtures (incl. the original tool's documented forms)", () => {
  for (const f of fixtures("valid")) {
    it(`${f.file} parses with no errors and a value`, () => {
      const parsed = parseDocument(f.kind, f.text, `fixtures/${f.file}`);
      expect(parsed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(parsed.value).toBeDefined();
      const warnings = parsed.diagnostics.map((d) => d.code);
      expect(warnings).toEqual(parsed.kdlVersion === 1 ? ["zmgr::kdl::v1_syntax"] : []);
    });
  }
});

describe("invalid fixtures report their expected diagnostic", () => {
  for (const f of fixtures("invalid")) {
    it(`${f.file}`, () => {
      const want = expected(f.file) as Expected;
      const parsed = parseDocument(want.kind, f.text, f.file);
      const diag = parsed.diagnostics.find((d) => d.code === want.code);
      expect(diag, JSON.stringify(parsed.diagnostics)).toBeDefined();
      expect(diag!.severity).toBe(want.severity);
      expect(diag!.file).toBe(f.file);
      expect(diag!.message.length).toBeGreaterThan(0);
      expect(diag!.help.length).toBeGreaterThan(0);
      if (want.path) expect(diag!.path).toEqual(want.path);
      const loc = diag!.location ?? locate(f.text, f.file, diag!.path ?? []);
      expect(loc).toMatchObject({ file: f.file, line: want.line, column: want.column });
    });
  }
});
