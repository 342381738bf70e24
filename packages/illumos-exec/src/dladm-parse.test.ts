import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDladmParsable, parseDladmParsable, parseDladmTable } from "./dladm-parse.js";
import { readCapture } from "./test-captures.js";

describe("parseDladmParsable", () => {
  it("unescapes \\: and \\\\ when several fields were asked for", () => {
    expect(
      parseDladmParsable("vnic0:2\\:8\\:20\\:38\\:a5\\:d6\nweird\\\\1:\n", ["link", "MACADDRESS"]),
    ).toEqual([
      { link: "vnic0", macaddress: "2:8:20:38:a5:d6" },
      { link: "weird\\1", macaddress: "" },
    ]);
  });
  it("takes a single field raw, backslashes and colons included", () => {
    expect(parseDladmParsable("a\\:b\nnet0\n", ["link"])).toEqual([
      { link: "a\\:b" },
      { link: "net0" },
    ]);
  });
  it("returns no rows for empty output", () => {
    expect(parseDladmParsable("", ["link", "over"])).toEqual([]);
  });
  it("keeps empty middle fields", () => {
    expect(parseDladmParsable("igb0:phys::up\n", ["link", "class", "over", "state"])).toEqual([
      { link: "igb0", class: "phys", over: "", state: "up" },
    ]);
  });
  it("refuses a row with the wrong number of fields", () => {
    expect(() => parseDladmParsable("a:b:c\n", ["link", "over"])).toThrow(/dladm parsable output/);
  });
  it("round-trips arbitrary values with ':' and '\\'", () => {
    const value = fc.string({ unit: fc.constantFrom("a", "0", ":", "\\", " ", "_", ".") });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(value, { minLength: 5, maxLength: 5 }), { maxLength: 6 }),
        (n, raw) => {
          const fields = ["link", "class", "over", "state", "mtu"].slice(0, n);
          const rows = raw
            .map((vals) => Object.fromEntries(fields.map((f, i) => [f, vals[i] ?? ""])))
            // with one field dladm has no escaping, so a value that is empty is indistinguishable from nothing
            .filter((r) => n > 1 || r.link !== "");
          expect(parseDladmParsable(formatDladmParsable(rows, fields), fields)).toEqual(rows);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("parseDladmTable on captures", () => {
  it("reads dladm show-link with one physical link", () => {
    expect(parseDladmTable(readCapture("dladm-show-link.1.txt"))).toEqual([
      { link: "e1000g0", class: "phys", mtu: "1500", state: "up", bridge: "", over: "" },
    ]);
  });
  it("reads dladm show-link with an etherstub", () => {
    const rows = parseDladmTable(readCapture("dladm-show-link.2.txt"));
    expect(rows.map((r) => [r.link, r.class, r.mtu, r.state])).toEqual([
      ["igb0", "phys", "1500", "up"],
      ["igb1", "phys", "1500", "down"],
      ["switch10", "etherstub", "9000", "up"],
    ]);
  });
  it("reads dladm show-vnic", () => {
    expect(parseDladmTable(readCapture("dladm-show-vnic.1.txt"))).toEqual([
      {
        link: "vnic0",
        over: "igb0",
        speed: "100",
        macaddress: "2:8:20:38:a5:d6",
        macaddrtype: "random",
        vid: "0",
      },
    ]);
  });
  it("reads dladm show-phys", () => {
    expect(parseDladmTable(readCapture("dladm-show-phys.1.txt"))).toEqual([
      {
        link: "igb0",
        media: "Ethernet",
        state: "up",
        speed: "1000",
        duplex: "full",
        device: "igb0",
      },
    ]);
  });
  it("cuts a value with blanks at the column starts", () => {
    const text =
      "LINK         OVER         SPEED  MACADDRESS        MACADDRTYPE         VID\n" +
      "vnic1        igb0         1000   2:8:20:1:2:3      factory, slot 1     0\n";
    expect(parseDladmTable(text)[0]).toMatchObject({
      link: "vnic1",
      macaddrtype: "factory, slot 1",
      vid: "0",
    });
  });
});
