import { describe, expect, it } from "vitest";
import { cleanHost, link } from "../test/host.js";
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

const zone = (name: string, vnic: string, addresses = '"10.1.0.30/24"') =>
  `zone "${name}" {\n  template "oi"\n  net "internal" { address ${addresses}; vnic "${vnic}"; pool "internal"; }\n}\n`;

describe("VNIC names", () => {
  it.each([
    ["web", "end in a number"],
    ["0web0", "start with a digit"],
    ["web-0", "only letters"],
    ["web01", "leading zero"],
    [`v${"x".repeat(30)}0`, "at most 31"],
  ])("refuses %s", async (vnic, why) => {
    const diags = await validateFiles(cleanWith({ "zones/web1.kdl": zone("web1", vnic) }));
    const [d, ...rest] = withCode(diags, "zmgr::vnic::invalid_name");
    expect(rest).toEqual([]);
    expect(d?.message).toContain(why);
    expect(where(d)).toBe("zones/web1.kdl:3:49");
  });

  it("refuses a VNIC used by two zones", async () => {
    const diags = await validateFiles(cleanWith({ "zones/web1.kdl": zone("web1", "myzone0") }));
    const [d, ...rest] = withCode(diags, "zmgr::vnic::duplicate");
    expect(rest).toEqual([]);
    expect(d?.message).toContain('zone "myzone"');
    expect(where(d)).toBe("zones/web1.kdl:3:49");
  });

  it("refuses a VNIC named like a pool's stub", async () => {
    const diags = await validateFiles(cleanWith({ "zones/web1.kdl": zone("web1", "oinetint0") }));
    const [d] = withCode(diags, "zmgr::vnic::duplicate");
    expect(d?.message).toContain('stub of pool "internal"');
  });
});

describe("zoneadmd's 45-character address limit", () => {
  it("refuses a VNIC whose a/p,a/p, list is longer than 45 characters", async () => {
    const long = '"10.1.0.30/24" "2001:db8:1:5678:9abc:def0:1234:5678/64"';
    const diags = await validateFiles(
      cleanWith({ "zones/web1.kdl": zone("web1", "web1_0", long) }),
    );
    const [d, ...rest] = withCode(diags, "zmgr::vnic::address_too_long");
    expect(rest).toEqual([]);
    expect(d?.message).toContain("45");
    expect(where(d)).toBe("zones/web1.kdl:3:20");
  });

  it("measures the canonical form, not the text in the file", async () => {
    const padded = '"10.1.0.30/24" "2001:0db8:0001:0000:0000:0000:0000:0011/64"';
    const diags = await validateFiles(
      cleanWith({ "zones/web1.kdl": zone("web1", "web1_0", padded) }),
    );
    expect(withCode(diags, "zmgr::vnic::address_too_long")).toEqual([]);
  });
});

describe("VNICs of a proposed zone", () => {
  it("refuses an invalid name, a name in the registry and a name on the host", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const oi = snapshot.templates.get("oi")!.parsed.value!;
    const host = cleanHost();
    host.links.push(link("stale0", "vnic", "oinetint0"));
    const proposed = {
      name: "web4",
      nets: [
        net("a", ["10.1.0.40/24"], { vnic: "web4-a0" }),
        net("b", ["10.1.0.41/24"], { vnic: "router10" }),
        net("c", ["10.1.0.42/24"], { vnic: "stale0" }),
      ],
    };
    const diags = validateProposedZone(snapshot, proposed, oi, host);
    expect(diags.map((d) => [d.code, d.path?.join(".")])).toEqual([
      ["zmgr::vnic::invalid_name", "zone.net.0.vnic"],
      ["zmgr::vnic::duplicate", "zone.net.1.vnic"],
      ["zmgr::host::vnic_exists", "zone.net.1.vnic"],
      ["zmgr::host::vnic_exists", "zone.net.2.vnic"],
    ]);
  });
});
