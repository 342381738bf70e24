import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCapture } from "./test-captures.js";
import type { ZoneListEntry } from "./types.js";
import {
  formatZoneadmLine,
  parseZoneadmLine,
  parseZoneadmList,
  parseZoneadmListVerbose,
  ZONE_STATES,
} from "./zoneadm-list.js";

describe("parseZoneadmList on captures", () => {
  it("reads the OmniOS 8-field list with its trailing empty line", () => {
    const zones = parseZoneadmList(readCapture("zoneadm-list-cp.1.txt"));
    expect(zones).toHaveLength(12);
    expect(zones[0]).toEqual({
      id: 0,
      name: "global",
      state: "running",
      zonepath: "/",
      uuid: "",
      brand: "ipkg",
      ipType: "shared",
      debugId: "0",
    });
    expect(zones[1]).toMatchObject({
      id: 1,
      name: "serv-backup",
      zonepath: "/zones/serv-backup",
      ipType: "exclusive",
      debugId: "40",
    });
    expect(zones[11]).toEqual({
      id: undefined,
      name: "gold-lipkg-b",
      state: "installed",
      zonepath: "/zones/gold-lipkg-b",
      uuid: "16cdefe0-8c20-6b4c-c53d-d1ea32eb3d1b",
      brand: "lipkg",
      ipType: "exclusive",
      debugId: "39",
    });
  });

  it("reads a list without a trailing newline", () => {
    const zones = parseZoneadmList(readCapture("zoneadm-list-cp.3.txt"));
    expect(zones.map((z) => [z.name, z.state, z.debugId])).toEqual([
      ["global", "running", "0"],
      ["clean-zone", "installed", "216"],
    ]);
  });

  it("reads the verbose list with padded columns", () => {
    const zones = parseZoneadmListVerbose(readCapture("zoneadm-list-cv.1.txt"));
    expect(zones).toHaveLength(5);
    expect(zones[0]).toEqual({
      id: 0,
      name: "global",
      state: "running",
      zonepath: "/",
      brand: "ipkg",
      ipType: "shared",
    });
    expect(zones[4]).toEqual({
      id: 5,
      name: "lipkg0",
      state: "running",
      zonepath: "/zones/lipkg0",
      brand: "lipkg",
      ipType: "exclusive",
    });
  });
});

describe("parseZoneadmLine", () => {
  it("reads the 7-field upstream format without a debug id", () => {
    const z = parseZoneadmLine("0:global:running:/::ipkg:shared");
    expect(z).toEqual({
      id: 0,
      name: "global",
      state: "running",
      zonepath: "/",
      uuid: "",
      brand: "ipkg",
      ipType: "shared",
    });
    expect("debugId" in z).toBe(false);
  });
  it("keeps fields after the debug id raw", () => {
    expect(parseZoneadmLine("3:web:running:/zones/web:u-1:lipkg:excl:7:extra:more")).toMatchObject({
      name: "web",
      debugId: "7",
      extraFields: ["extra", "more"],
    });
  });
  it("does not read Solaris 11's r/w flag as a debug id", () => {
    const z = parseZoneadmLine("-:testzone:configured:/zones/testzone::solaris:excl:-:");
    expect(z.extraFields).toEqual(["-", ""]);
    expect("debugId" in z).toBe(false);
  });
  it("reads a `-` zonepath (kernel zone) as no zonepath", () => {
    const z = parseZoneadmLine("-:kz:configured:-::solaris-kz:excl:-:");
    expect("zonepath" in z).toBe(false);
    expect(formatZoneadmLine(z)).toBe("-:kz:configured:-::solaris-kz:excl:-:");
  });
  it("keeps an empty SmartOS debug id", () => {
    expect(parseZoneadmLine("0:global:running:/::liveimg:shared:").debugId).toBe("");
  });
  it("unescapes \\: in the zonepath and keeps other backslashes", () => {
    expect(parseZoneadmLine("-:a:configured:/zones/a\\:b\\c::ipkg:excl").zonepath).toBe(
      "/zones/a:b\\c",
    );
    expect(parseZoneadmLine("-:a:configured:/zones/x\\\\:y::ipkg:excl").zonepath).toBe(
      "/zones/x\\:y",
    );
  });
  it("reads a zonepath that ends in a backslash", () => {
    expect(parseZoneadmLine("-:a:configured:/zones/a\\:u-1:ipkg:excl").zonepath).toBe("/zones/a\\");
  });
  it("refuses unknown states and malformed lines with zmgr::exec::unexpected_output", () => {
    expect(() => parseZoneadmLine("-:a:unavailable:/z::ipkg:excl")).toThrow(
      /zone state "unavailable"/,
    );
    expect(() => parseZoneadmLine("garbage")).toThrow(
      expect.objectContaining({ code: "zmgr::exec::unexpected_output" }),
    );
    expect(() => parseZoneadmLine("-:a:installed:/z::ipkg:exclusive")).toThrow();
  });
});

const entryArb: fc.Arbitrary<ZoneListEntry> = fc
  .record(
    {
      id: fc.option(fc.nat({ max: 9999 }), { nil: undefined }),
      name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/),
      state: fc.constantFrom(...ZONE_STATES),
      zonepath: fc
        .string({ unit: fc.constantFrom("/", "a", "z", ":", "\\", " ", "-", "é") })
        .filter((p) => p !== "-"),
      uuid: fc.oneof(fc.constant(""), fc.uuid()),
      brand: fc.constantFrom("ipkg", "lipkg", "sparse", "pkgsrc", "lx", "omicron1", "joyent"),
      ipType: fc.constantFrom("exclusive" as const, "shared" as const),
      debugId: fc.oneof(fc.constant(""), fc.nat({ max: 500 }).map(String)),
      extraFields: fc.array(fc.constantFrom("-", "R", "none", ""), { minLength: 1, maxLength: 4 }),
    },
    { requiredKeys: ["id", "name", "state", "zonepath", "uuid", "brand", "ipType"] },
    // Solaris 11 extra fields start with its r/w flag, never with a debug id's digits.
  )
  .filter(
    (e) =>
      e.debugId !== undefined ||
      e.extraFields === undefined ||
      /^[-R]$/.test(e.extraFields[0] ?? ""),
  );

describe("zoneadm list -p round trip", () => {
  it("parses back every printed line, zonepaths with ':' and '\\' included", () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 8 }), (entries) => {
        const text = entries.map((e) => `${formatZoneadmLine(e)}\n`).join("");
        expect(parseZoneadmList(text)).toEqual(entries);
      }),
      { numRuns: 2000 },
    );
  });
});
