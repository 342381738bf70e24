import { describe, expect, it } from "vitest";
import { fixtures } from "../test/fixtures.js";
import { formatDocument } from "./format.js";
import { parseDocument } from "./parse.js";
import { printDocument } from "./print.js";

describe("formatDocument", () => {
  it("rewrites a hand-edited file in the canonical style, keeping comments", () => {
    const messy = [
      "// pools of the lab",
      "",
      "",
      "pool   internal {   // the lab",
      '\tnetwork "10.1.0.0/24" ;  gateway  "10.1.0.1"',
      "    /* the etherstub */ stub oinetint0",
      '  range-start "10.1.0.10"; range-end "10.1.0.250"',
      "  // none yet",
      "}",
    ].join("\n");
    const out = formatDocument(messy, "pools/internal.kdl");
    expect(out).toMatchObject({ changed: true, upgraded: false, diagnostics: [] });
    expect(out.text).toBe(
      [
        "// pools of the lab",
        "",
        'pool "internal" { // the lab',
        '  network "10.1.0.0/24"',
        '  gateway "10.1.0.1"',
        '  /* the etherstub */ stub "oinetint0"',
        '  range-start "10.1.0.10"',
        '  range-end "10.1.0.250"',
        "  // none yet",
        "}",
        "",
      ].join("\n"),
    );
    expect(parseDocument("pool", out.text, "p").value).toEqual(
      parseDocument("pool", messy, "p").value,
    );
  });

  it("puts nets on one line unless they hold comments", () => {
    const text =
      'zone "a" {\n  net "x" {\n    address "10.0.0.2/24"\n    vnic "a0"\n  }\n  net "y" {\n    vnic "a1" // kept\n  }\n}\n';
    expect(formatDocument(text, "zones/a.kdl").text).toBe(
      'zone "a" {\n  net "x" { address "10.0.0.2/24"; vnic "a0"; }\n  net "y" {\n    vnic "a1" // kept\n  }\n}\n',
    );
  });

  it("upgrades a KDL v1 file to v2 and says so", () => {
    const out = formatDocument(
      '// old\ntemplate "t" { brand "ipkg"; autoboot true; install-args r"-s"; }\n',
      "templates/t.kdl",
    );
    expect(out.upgraded).toBe(true);
    expect(out.diagnostics.map((d) => d.code)).toEqual(["zmgr::kdl::v1_syntax"]);
    expect(out.text).toBe(
      '// old\ntemplate "t" {\n  brand "ipkg"\n  autoboot #true\n  install-args "-s"\n}\n',
    );
  });

  it("leaves files that are already canonical unchanged, including everything printDocument writes", () => {
    for (const f of fixtures("valid")) {
      const parsed = parseDocument(f.kind, f.text, f.file);
      const printed = printDocument(f.kind, parsed.value!);
      expect(formatDocument(printed, f.file)).toEqual({
        text: printed,
        changed: false,
        upgraded: false,
        diagnostics: [],
      });
    }
  });

  it("is idempotent on every fixture", () => {
    for (const f of [...fixtures("valid"), ...fixtures("invalid")]) {
      const once = formatDocument(f.text, f.file).text;
      expect(formatDocument(once, f.file).text).toBe(once);
    }
  });

  it("formats a slashdash glued to the node name in one pass (fuzz seed 759453428)", () => {
    const text = 'zone "z" {\n  status/- "creating" pid="abc"\n}\n';
    const once = formatDocument(text, "zones/z.kdl").text;
    expect(once).toBe('zone "z" {\n  status /-"creating" pid="abc"\n}\n');
    expect(formatDocument(once, "zones/z.kdl").text).toBe(once);
  });

  it("returns a file with a syntax error unchanged, with the error", () => {
    const out = formatDocument('pool "p" {\n', "pools/p.kdl");
    expect(out.text).toBe('pool "p" {\n');
    expect(out.changed).toBe(false);
    expect(out.diagnostics[0]).toMatchObject({
      code: "zmgr::kdl::syntax",
      location: { file: "pools/p.kdl", line: 2, column: 1 },
    });
  });
});
