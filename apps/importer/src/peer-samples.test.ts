import { readFileSync } from "node:fs";
import { FakeExecutor } from "@zmgr/illumos-exec/testing";
import { afterEach, describe, expect, it } from "vitest";
import { importHost } from "./import-host.js";
import { BASE_FILES, type TempRegistry, tempRegistry } from "./test-helpers.js";

// Real `zonecfg info` outputs captured by other projects (fixtures/peer-captures, copied from
// shared/illumos/peer-captures as they are), fed to the strict fake executor. The zoneadm list
// lines around them are written here (no capture lists these zones); SPEC §3.3 is the oracle.
const sample = (path: string) =>
  readFileSync(new URL(`../fixtures/peer-captures/${path}`, import.meta.url), "utf8");

const LX_NET = sample("omniosorg-issues/zonecfg-info-net-lx-property.txt");
const PKGSRC = sample("omniosorg-docs/zonecfg-info-pkgsrc-test.txt");

const GLOBAL = "0:global:running:/::ipkg:shared:0\n";
const LX_LINE = "-:deb:installed:/zones/deb:0758529b-7977-cd11-d4e7-e9672dca275a:lx:excl:43\n";
const VNICS = "deb0:oinetint0:2\\:8\\:20\\:38\\:a5\\:d6:0\n";

const LX_FILES = {
  "templates/lx.kdl": 'template "lx" {\n  brand "lx"\n  net "lan" { pool "lx-lan"; }\n}\n',
  "pools/lx-lan.kdl":
    'pool "lx-lan" {\n  network "172.30.1.0/24"\n  gateway "172.30.1.254"\n  stub "oinetint0"\n  range-start "172.30.1.100"\n  range-end "172.30.1.200"\n}\n',
};

let reg: TempRegistry | undefined;
afterEach(() => reg?.cleanup());

function fake(list: string, infos: Record<string, string>, vnics = ""): FakeExecutor {
  const exec = new FakeExecutor()
    .expect(["zoneadm", "list", "-cp"], { stdout: list })
    .expect(["dladm", "show-vnic", "-p", "-o", "link,over,macaddress,vid"], { stdout: vnics });
  if (Object.keys(infos).length > 0) {
    // no zone files here: the importer falls back to `zonecfg info` (the captured text under test)
    exec.expect(["/usr/bin/tar", "-cf", "-", "-C", "/etc/zones", "."], {
      exitCode: 2,
      stderr: "tar: /etc/zones: No such file or directory\n",
    });
  }
  for (const [zone, info] of Object.entries(infos))
    exec.expect(["zonecfg", "-z", zone, "info"], { stdout: info });
  return exec;
}

async function importAll(exec: FakeExecutor, files: Record<string, string>) {
  reg = await tempRegistry({ ...BASE_FILES, ...files });
  const report = await importHost({
    exec,
    registry: reg.registry,
    all: true,
    lockTimeoutMs: 2000,
    today: "2026-12-04",
  });
  exec.assertDone();
  return report;
}

describe("import of zones whose config was captured on real hosts", () => {
  it("imports an lx zone whose addresses are only in `property` lines, with a template of brand lx", async () => {
    const report = await importAll(fake(GLOBAL + LX_LINE, { deb: LX_NET }, VNICS), LX_FILES);
    expect(report.warnings).toEqual([]);
    expect(report.entries).toHaveLength(1);
    expect(report.entries[0]).toMatchObject({
      zone: "deb",
      outcome: "imported",
      brand: "lx",
      template: "lx",
      nets: [
        {
          name: "lan",
          addresses: ["172.30.1.129/26"], // property (name=ips,value="172.30.1.129/26")
          gateways: ["172.30.1.254"], // property (name=gateway,value="172.30.1.254")
          pools: ["lx-lan"],
          vnic: "deb0",
          stub: "oinetint0",
        },
      ],
    });
    expect(report.entries[0]?.warnings.join("\n")).toMatch(/deb0 has no allowed-address: .*ips/);
    const file = (await reg!.registry.load()).zones.get("deb");
    expect(file?.parsed.value?.nets[0]?.addresses).toEqual(["172.30.1.129/26"]);
  });

  it("skips the lx zone with the `zmgr template create` help line when no template has brand lx", async () => {
    const report = await importAll(fake(GLOBAL + LX_LINE, { deb: LX_NET }, VNICS), {
      "pools/lx-lan.kdl": LX_FILES["pools/lx-lan.kdl"],
    });
    expect(report.entries[0]).toMatchObject({
      zone: "deb",
      outcome: "skipped",
      code: "zmgr::import::no_template",
      reason: "no template for brand lx",
    });
    expect(report.entries[0]?.help).toBe(
      "create one: zmgr template create <name> --brand lx --net net0=lx-lan",
    );
    expect((await reg!.registry.load()).zones.size).toBe(0);
  });

  it("imports the OmniOS docs' pkgsrc zone (no net) with the pkgsrc template", async () => {
    const list = `${GLOBAL}-:test:installed:/zones/test:311a4f36-779f-4d14-bc9d-c85cb9817327:pkgsrc:excl:7\n`;
    const report = await importAll(fake(list, { test: PKGSRC }), {
      "templates/pkgsrc.kdl": 'template "pkgsrc" {\n  brand "pkgsrc"\n}\n',
    });
    expect(report.entries[0]).toMatchObject({
      zone: "test",
      outcome: "imported",
      brand: "pkgsrc",
      template: "pkgsrc",
      nets: [],
    });
  });

  it("skips the pkg5 docs' bhyve zone as a VM without reading its config", async () => {
    const list = `${GLOBAL}-:bhyve:installed:/data/zone/bhyve:16cdefe0-8c20-6b4c-c53d-d1ea32eb3d1b:bhyve:excl:9\n`;
    // No `zonecfg -z bhyve info` is expected: the strict fake fails on any call not listed.
    const report = await importAll(fake(list, {}), {
      "templates/bhyve.kdl": 'template "bhyve" {\n  brand "bhyve"\n}\n',
    });
    expect(report.entries[0]).toMatchObject({
      zone: "bhyve",
      outcome: "skipped",
      code: "zmgr::import::vm_brand",
    });
    // The captured config itself is a bhyve zone too (line 3: "brand: bhyve").
    expect(sample("omniosorg-pkg5/zonecfg-info-bhyve.txt").split("\n")[2]).toBe("brand: bhyve");
  });
});
