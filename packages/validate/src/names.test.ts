import { describe, expect, it } from "vitest";
import { cleanHost } from "../test/host.js";
import {
  CLEAN,
  cleanWith,
  net,
  snapshotOf,
  validateFiles,
  where,
  withCode,
} from "../test/registry.js";
import { validateProposedZone } from "./index.js";

const zoneFile = (name: string) =>
  `zone "${name}" {\n  template "oi"\n  net "internal" { address "10.1.0.90/24"; vnic "v90"; pool "internal"; }\n}\n`;

describe("zone name rules", () => {
  it.each([
    ["SUNWtest", "SUNW"],
    ["global", "global zone"],
    [`z${"a".repeat(63)}`, "at most 63"],
  ])("refuses the registered zone %s", async (name, why) => {
    const diags = await validateFiles(cleanWith({ [`zones/${name}.kdl`]: zoneFile(name) }));
    const found = withCode(diags, "zmgr::name::invalid_zone_name");
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(why);
    expect(where(found[0])).toBe(`zones/${name}.kdl:1:1`);
  });

  it("accepts names with dots, dashes and underscores", async () => {
    const diags = await validateFiles(cleanWith({ "zones/web-1.a_b.kdl": zoneFile("web-1.a_b") }));
    expect(withCode(diags, "zmgr::name::invalid_zone_name")).toEqual([]);
  });

  it("applies the same rule to a proposed zone", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const oi = snapshot.templates.get("oi")!.parsed.value!;
    const zone = { name: "SUNWx", nets: [net("internal", ["10.1.0.91/24"], { vnic: "v91" })] };
    const [d] = validateProposedZone(snapshot, zone, oi);
    expect(d?.code).toBe("zmgr::name::invalid_zone_name");
    expect(d?.file).toBeUndefined();
  });
});

describe("a proposed zone's name must be free", () => {
  it("refuses a zone already in the registry", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const oi = snapshot.templates.get("oi")!.parsed.value!;
    const zone = { name: "myzone", nets: [net("internal", ["10.1.0.92/24"], { vnic: "v92" })] };
    const codes = validateProposedZone(snapshot, zone, oi).map((d) => d.code);
    expect(codes).toEqual(["zmgr::name::zone_exists"]);
  });

  it("refuses a name that differs from a registered zone only in case", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const oi = snapshot.templates.get("oi")!.parsed.value!;
    const zone = { name: "MyZone", nets: [net("internal", ["10.1.0.92/24"], { vnic: "v92" })] };
    const [d, ...rest] = validateProposedZone(snapshot, zone, oi);
    expect(rest).toEqual([]);
    expect(d?.code).toBe("zmgr::name::zone_case_clash");
    expect(d?.message).toContain('"myzone"');
  });

  it("refuses a zone that exists on the host but not in the registry", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const oi = snapshot.templates.get("oi")!.parsed.value!;
    const host = cleanHost();
    host.zones.push({ ...host.zones[1]!, name: "handmade", state: "installed" });
    const zone = { name: "handmade", nets: [net("internal", ["10.1.0.92/24"], { vnic: "v92" })] };
    const codes = validateProposedZone(snapshot, zone, oi, host).map((d) => d.code);
    expect(codes).toEqual(["zmgr::host::zone_exists"]);
  });
});
