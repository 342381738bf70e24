import { describe, expect, it } from "vitest";
import { cleanHost, hostZone, link } from "../test/host.js";
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

const SHARED = {
  "templates/shared.kdl": `template "shared" {\n  brand "sparse"\n  ip-type "shared"\n  net "lan" { pool "lan"; }\n}\n`,
  "pools/lan.kdl": `pool "lan" {\n  network "192.168.1.0/24"\n  gateway "192.168.1.1"\n  stub "net0"\n  range-start "192.168.1.100"\n  range-end "192.168.1.199"\n}\n`,
};

describe("registry against host facts", () => {
  it("warns about a registry zone missing on the host", async () => {
    const host = cleanHost();
    host.zones = host.zones.filter((z) => z.name !== "myzone");
    const diags = await validateFiles(CLEAN, { host });
    expect(diags.map((d) => [d.code, d.severity, where(d)])).toEqual([
      ["zmgr::host::zone_missing", "warning", "zones/myzone.kdl:1:1"],
    ]);
    expect(diags[0]?.help).toContain("`zmgr create myzone -t oi`");
  });

  it("reports a host zone that is not in the registry, pointing to import", async () => {
    const host = cleanHost();
    host.zones.push(hostZone("handmade", "installed"));
    const diags = await validateFiles(CLEAN, { host });
    const [d, ...rest] = diags;
    expect(rest).toEqual([]);
    expect(d?.code).toBe("zmgr::host::zone_unregistered");
    expect(d?.file).toBeUndefined();
    expect(d?.help).toContain("zmgr import handmade");
  });

  it("warns about a VNIC of a registry zone missing on the host", async () => {
    const host = cleanHost();
    host.links = host.links.filter((l) => l.link !== "router1pub1");
    host.vnics = host.vnics.filter((v) => v.link !== "router1pub1");
    const diags = await validateFiles(CLEAN, { host });
    const [d, ...rest] = diags;
    expect(rest).toEqual([]);
    expect(d?.code).toBe("zmgr::host::vnic_missing");
    expect(d?.help).toContain("dladm create-vnic -l pubstub0 router1pub1");
    expect(where(d)).toBe("zones/router1.kdl:4:109");
  });

  it("refuses a stub that does not exist, at the pool's stub", async () => {
    const host = cleanHost();
    host.links = host.links.filter((l) => l.link !== "oinetint0");
    const diags = await validateFiles(CLEAN, { host });
    const [d, ...rest] = withCode(diags, "zmgr::host::stub_missing");
    expect(rest).toEqual([]);
    expect(d?.severity).toBe("error");
    expect(d?.help).toContain("dladm create-etherstub oinetint0");
    expect(where(d)).toBe("pools/internal.kdl:4:8");
  });

  it("refuses an exclusive-IP stub that cannot carry VNICs", async () => {
    const host = cleanHost();
    host.links = host.links.map((l) =>
      l.link === "pubstub0" ? link("pubstub0", "vnic", "net0") : l,
    );
    const diags = await validateFiles(CLEAN, { host });
    const found = withCode(diags, "zmgr::host::stub_wrong_class");
    expect(found.map((d) => d.file)).toEqual(["pools/public.kdl", "pools/public-v6.kdl"]);
    expect(found[0]?.message).toContain("is a vnic");
  });

  it("accepts a shared-IP template over a link with IP", async () => {
    const diags = await validateFiles(cleanWith(SHARED), { host: cleanHost() });
    expect(diags).toEqual([]);
  });

  it("refuses a shared-IP template whose pool's stub is an etherstub", async () => {
    const lan = SHARED["pools/lan.kdl"].replace('stub "net0"', 'stub "oinetint0"');
    const diags = await validateFiles(cleanWith({ ...SHARED, "pools/lan.kdl": lan }), {
      host: cleanHost(),
    });
    const [d, ...rest] = withCode(diags, "zmgr::host::stub_wrong_class");
    expect(rest).toEqual([]);
    expect(d?.message).toContain("shared-IP");
    expect(where(d)).toBe("pools/lan.kdl:4:8");
  });

  it("warns when zonecfg addresses differ from the registry", async () => {
    const host = cleanHost();
    host.zoneConfigs = new Map([
      [
        "router1",
        {
          zonename: "router1",
          autoboot: true,
          ipType: "exclusive",
          props: {},
          resources: [],
          nets: [
            { physical: "router10", allowedAddress: "10.1.0.11/24" },
            { physical: "router1pub1", allowedAddress: "203.0.113.10/24" },
            { physical: "router1pub1", allowedAddress: "2001:db8:1::99/64" },
          ],
        },
      ],
    ]);
    const diags = await validateFiles(CLEAN, { host });
    const [d, ...rest] = diags;
    expect(rest).toEqual([]);
    expect(d?.code).toBe("zmgr::host::address_mismatch");
    expect(d?.message).toContain("registry-only 2001:db8:1::10; host-only 2001:db8:1::99");
  });
});

describe("host address check of an lx zone", () => {
  it("reads addresses held only in lx `property (name=ips,…)` lines", async () => {
    const host = cleanHost();
    const ips = (value: string) => ({ ips: value, primary: "true" });
    host.zoneConfigs = new Map([
      [
        "router1",
        {
          zonename: "router1",
          autoboot: true,
          ipType: "exclusive",
          props: {},
          resources: [],
          nets: [
            { physical: "router10", properties: ips("10.1.0.11/24") },
            { physical: "router1pub1", properties: ips("203.0.113.10/24,2001:db8:1::99/64") },
          ],
        },
      ],
    ]);
    const [d, ...rest] = await validateFiles(CLEAN, { host });
    expect(rest).toEqual([]);
    expect(d?.message).toContain("registry-only 2001:db8:1::10; host-only 2001:db8:1::99");
  });
});

describe("host checks of a proposed zone", () => {
  it("refuses missing stubs and stubs of the wrong class", async () => {
    const snapshot = await snapshotOf(cleanWith(SHARED));
    const shared = snapshot.templates.get("shared")!.parsed.value!;
    const host = cleanHost();
    const proposed = {
      name: "web5",
      nets: [
        net("lan", ["192.168.1.100/24"], { stub: "oinetint0", pools: ["lan"] }),
        net("x", [], { stub: "nope0" }),
      ],
    };
    const diags = validateProposedZone(snapshot, proposed, shared, host);
    expect(diags.map((d) => [d.code, d.path?.join(".")])).toEqual([
      ["zmgr::host::stub_wrong_class", "zone.net.0.stub"],
      ["zmgr::host::stub_missing", "zone.net.1.stub"],
    ]);
  });

  it("checks the template's pool stubs when the nets carry none yet", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const oi = snapshot.templates.get("oi")!.parsed.value!;
    const host = cleanHost();
    host.links = host.links.filter((l) => l.link !== "oinetint0");
    const proposed = {
      name: "web6",
      nets: [net("internal", ["10.1.0.60/24"], { vnic: "web6_0" })],
    };
    const diags = validateProposedZone(snapshot, proposed, oi, host);
    expect(diags.map((d) => [d.code, d.file])).toEqual([
      ["zmgr::host::stub_missing", "pools/internal.kdl"],
    ]);
  });
});

describe("VNIC drift", () => {
  it("warns when a VNIC sits over another link than the recorded stub", async () => {
    const host = cleanHost();
    host.vnics = host.vnics.map((v) => (v.link === "myzone0" ? { ...v, over: "net0" } : v));
    const diags = await validateFiles(CLEAN, { host });
    expect(diags.map((d) => [d.code, where(d)])).toEqual([
      ["zmgr::host::vnic_wrong_stub", "zones/myzone.kdl:1:97"],
    ]);
  });
});
