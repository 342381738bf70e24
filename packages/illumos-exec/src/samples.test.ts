import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXPECTED } from "../fixtures-expected/index.js";
import type { SampleExpectation, ZoneKey } from "../fixtures-expected/types.js";
import { parseDladmParsable, parseDladmTable } from "./dladm-parse.js";
import type { ZonecfgInfo } from "./types.js";
import { parseZoneadmList, parseZoneadmListVerbose } from "./zoneadm-list.js";
import { parseZonecfgExport } from "./zonecfg-export.js";
import { isNoSuchZone, parseZonecfgInfo } from "./zonecfg-info.js";

// Every real sample (fixtures/captures, fixtures/peer-captures) through the parser of its kind,
// compared on the key fields written by hand in fixtures-expected/ (the samples' line numbers cited).
const root = new URL("../fixtures/", import.meta.url);

function samples(dir: string): string[] {
  return readdirSync(new URL(dir, root), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".txt"))
    .map((f) => `${dir}${f.replaceAll("\\", "/")}`)
    .sort();
}

const read = (path: string) => readFileSync(new URL(path, root), "utf8");

/** Drop undefined keys, so "absent" in an expectation means absent in the parsed value. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function zoneKey(info: ZonecfgInfo): Omit<ZoneKey, "checks"> {
  const counts: Record<string, number> = {};
  for (const r of info.resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return {
    ...defined({ zonename: info.zonename, zonepath: info.zonepath, brand: info.brand }),
    autoboot: info.autoboot,
    ipType: info.ipType,
    props: info.props,
    nets: info.nets.map((n) =>
      defined({
        physical: n.physical,
        address: n.address,
        allowedAddress: n.allowedAddress,
        defrouter: n.defrouter,
        globalNic: n.globalNic,
        properties: n.properties,
        otherProps: n.otherProps,
      }),
    ),
    resourceCounts: counts,
  } as Omit<ZoneKey, "checks">;
}

function checkZone(info: ZonecfgInfo, want: ZoneKey) {
  const { checks = [], ...key } = want;
  expect(zoneKey(info)).toEqual(key);
  for (const c of checks) {
    const r = info.resources.filter((x) => x.type === c.type)[c.index];
    expect(r, `${c.type} #${c.index}`).toBeDefined();
    if (c.props) expect(r?.props).toMatchObject(c.props);
    if (c.lists) expect(r?.lists).toMatchObject(c.lists);
    if (c.raw) {
      const lines = r?.raw?.split("\n") ?? [];
      expect([lines[0], lines.length]).toEqual([c.raw.firstLine, c.raw.lines]);
    }
  }
}

function check(path: string, text: string, want: SampleExpectation) {
  switch (want.kind) {
    case "zoneadm-list-p":
      expect(
        parseZoneadmList(text).map((z) =>
          defined({
            id: z.id,
            name: z.name,
            state: z.state,
            zonepath: z.zonepath,
            brand: z.brand,
            ipType: z.ipType,
            debugId: z.debugId,
            extraFields: z.extraFields,
          }),
        ),
      ).toEqual(want.zones);
      return;
    case "zoneadm-list-v":
      expect(parseZoneadmListVerbose(text).map((z) => defined(z))).toEqual(want.zones);
      return;
    case "zonecfg-info":
      return checkZone(parseZonecfgInfo(text), want.zone);
    case "zonecfg-export":
      return checkZone(parseZonecfgExport(text, want.zonename), want.zone);
    case "dladm-table": {
      const rows = parseDladmTable(text);
      expect(rows).toHaveLength(want.rows.length);
      want.rows.forEach((row, i) => {
        expect(rows[i]).toMatchObject(row);
      });
      return;
    }
    case "dladm-parsable":
      expect(parseDladmParsable(text, want.fields)).toEqual(want.rows);
      return;
    case "zonecfg-no-such-zone":
      expect(isNoSuchZone(text, want.zone)).toBe(true);
      expect(isNoSuchZone(text, `${want.zone}x`)).toBe(false);
      return;
    case "dladm-object-not-found":
      expect(text).toMatch(new RegExp(`'${want.link}': object not found`));
      return;
    case "unparsed": {
      const test = readFileSync(new URL(want.test, import.meta.url), "utf8");
      expect(test, want.reason).toContain(`"${path.split("/").pop()}"`);
      return;
    }
  }
}

describe("every captured sample parses to its hand-written key fields", () => {
  const all = [...samples("captures/"), ...samples("peer-captures/")];

  it("finds the 12 captures and the 54 peer captures", () => {
    expect(all.filter((p) => p.startsWith("captures/"))).toHaveLength(12);
    expect(all.filter((p) => p.startsWith("peer-captures/"))).toHaveLength(54);
  });

  it("has no expectation without a sample", () => {
    expect(Object.keys(EXPECTED).filter((p) => !all.includes(p))).toEqual([]);
  });

  for (const path of all) {
    it(path, () => {
      const want = EXPECTED[path];
      expect(want, `no expectation for ${path} in fixtures-expected/`).toBeDefined();
      if (want) check(path, read(path), want);
    });
  }
});
