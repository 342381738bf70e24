import { describe, expect, it } from "vitest";
import { locate } from "./locate.js";

const zone = `// router
zone "router1" {
  template "router"
  net "internal" { address "10.1.0.11/24"; gateway "10.1.0.1"; }
  net "public" {
    address "203.0.113.10/24" "2001:db8:1::10/64"
  }
  status "creating" pid=42
}
`;

describe("locate", () => {
  it("finds values by diagnostic path", () => {
    expect(locate(zone, "zones/router1.kdl", ["zone", "template"])).toEqual({
      file: "zones/router1.kdl",
      line: 3,
      column: 12,
      length: 8,
    });
    expect(locate(zone, "z", ["zone", "net", "0", "gateway", "0"])).toMatchObject({
      line: 4,
      column: 52,
    });
    expect(locate(zone, "z", ["zone", "net", "1", "address", "1"])).toMatchObject({
      line: 6,
      column: 31,
    });
    expect(locate(zone, "z", ["zone", "status", "pid"])).toMatchObject({ line: 8, column: 21 });
    expect(locate(zone, "z", ["zone", "name"])).toMatchObject({ line: 2, column: 6 });
  });

  it("gives the last value on a line before a comment a length without the spaces after it", () => {
    const pool = `pool "p8" {\n  network "10.8.0.0/24"\n  stub "s0;touch /x"     // hand-edited\n  reserve "10.8.0.1" "10.8.0.2"   /* two */\n  range-start "10.8.0.10"\t// tab\n}\n`;
    expect(locate(pool, "p", ["pool", "stub"])).toEqual({
      file: "p",
      line: 3,
      column: 8,
      length: '"s0;touch /x"'.length,
    });
    expect(locate(pool, "p", ["pool", "reserve", "1"])).toMatchObject({ column: 22, length: 10 });
    expect(locate(pool, "p", ["pool", "range-start"])).toMatchObject({ column: 15, length: 11 });
  });

  it("falls back to the nearest enclosing value", () => {
    expect(locate(zone, "z", ["zone", "net", "1", "vnic"])).toMatchObject({ line: 5, column: 3 });
    expect(locate(zone, "z", ["zone", "created"])).toMatchObject({ line: 2, column: 1 });
  });

  it("locates values of legacy forms and children lists", () => {
    const flat = 'zone "myzone" { template "oi"; address "10.1.0.10/24"; gateway "10.1.0.1"; }';
    expect(locate(flat, "z", ["zone", "net", "0", "gateway", "0"])).toMatchObject({
      line: 1,
      column: 64,
    });
    const pool = 'pool "p" {\n  addresses {\n    - "10.0.0.1"\n    "10.0.0.2"\n  }\n}\n';
    expect(locate(pool, "p", ["pool", "addresses", "0"])).toMatchObject({ line: 3, column: 7 });
    expect(locate(pool, "p", ["pool", "addresses", "1"])).toMatchObject({ line: 4, column: 5 });
  });

  it("works on KDL v1 files and gives a syntax error's own position", () => {
    expect(
      locate('template "t" {\n  autoboot true\n}\n', "t", ["template", "autoboot"]),
    ).toMatchObject({ line: 2, column: 12 });
    expect(locate('pool "p" {\n  network "x\n', "p", ["pool", "network"])).toMatchObject({
      line: 3,
      column: 1,
    });
  });

  it("gives undefined for an unknown kind", () => {
    expect(locate(zone, "z", ["nothing"])).toBeUndefined();
  });
});
