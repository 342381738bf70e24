import { describe, expect, it } from "vitest";
import type { ZoneRow } from "../../shared/zone-join.js";
import {
  globToRegExp,
  keepRow,
  parsableLine,
  parseColumns,
  parseFilter,
  sortRows,
} from "./columns.js";

const row = (name: string, addresses: string[], state = "running"): ZoneRow => ({
  name,
  state,
  registered: true,
  onHost: true,
  addresses,
  vnics: [],
  pools: [],
});

describe("list columns", () => {
  it("refuses an unknown column as a usage error (exit 2)", () => {
    expect(() => parseColumns("name,colour")).toThrow(/unknown column "colour"/);
    try {
      parseColumns("bogus");
    } catch (e) {
      expect((e as { exitCode: number }).exitCode).toBe(2);
    }
    expect(() => parseFilter("size=1")).toThrow(/unknown column "size"/);
    expect(() => parseFilter("state")).toThrow(/expected <column>=<glob>/);
  });

  it("matches globs as sh does: * ? and [] special, everything else literal", () => {
    expect(globToRegExp("10.1.*").test("10.1.0.10/24")).toBe(true);
    expect(globToRegExp("10.1.*").test("10.11.0.10/24")).toBe(false);
    expect(globToRegExp("web?").test("web1")).toBe(true);
    expect(globToRegExp("web?").test("web12")).toBe(false);
    expect(globToRegExp("web[12]").test("web2")).toBe(true);
    expect(globToRegExp("web[!12]").test("web2")).toBe(false);
    expect(globToRegExp("a+b(c)").test("a+b(c)")).toBe(true);
    expect(globToRegExp("a.b").test("axb")).toBe(false);
  });

  it("keeps a row when any value of the column matches", () => {
    const r = row("dual", ["203.0.113.10/24", "2001:db8:1::10/64"]);
    expect(keepRow(r, [parseFilter("addresses=2001:db8:*")])).toBe(true);
    expect(keepRow(r, [parseFilter("addresses=10.*")])).toBe(false);
    expect(keepRow(r, [parseFilter("state=running"), parseFilter("name=du*")])).toBe(true);
    expect(keepRow(row("none", []), [parseFilter("addresses=*")])).toBe(false);
  });

  it("sorts addresses numerically by the first one, IPv4 before IPv6, none last", () => {
    const rows = [
      row("c", ["10.1.0.100/24"]),
      row("none", []),
      row("v6", ["2001:db8::1/64"]),
      row("a", ["10.1.0.9/24", "10.1.0.1/24"]),
      row("b", ["10.1.0.10/24"]),
    ];
    expect(sortRows(rows, "addresses").map((r) => r.name)).toEqual(["a", "b", "c", "v6", "none"]);
    expect(sortRows(rows, "name").map((r) => r.name)).toEqual(["a", "b", "c", "none", "v6"]);
  });

  it("escapes : and \\ as libofmt does, only when there is more than one field", () => {
    expect(parsableLine([["a:b"], ["2001:db8::1/64", "10.0.0.1/8"]])).toBe(
      "a\\:b:2001\\:db8\\:\\:1/64,10.0.0.1/8",
    );
    expect(parsableLine([["back\\slash"], []])).toBe("back\\\\slash:");
    expect(parsableLine([["one:field"]])).toBe("one:field");
  });
});
