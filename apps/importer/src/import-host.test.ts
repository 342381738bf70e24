import { writeFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { createSimExecutor, SimHost } from "@zmgr/illumos-sim";
import { parseDocument, type Zone } from "@zmgr/kdl-schema";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importHost } from "./import-host.js";
import { type TempRegistry, tempRegistry } from "./test-helpers.js";
import type { ImportOptions } from "./types.js";

let reg: TempRegistry;
beforeEach(async () => {
  reg = await tempRegistry();
});
afterEach(() => reg.cleanup());

function run(sim: SimHost, opts: Partial<ImportOptions> = {}) {
  return importHost({
    exec: createSimExecutor(sim),
    registry: reg.registry,
    lockTimeoutMs: 2000,
    today: "2026-11-24",
    ...opts,
  });
}

async function registered(name: string): Promise<Zone | undefined> {
  const file = (await reg.registry.load()).zones.get(name);
  expect(file?.parsed.diagnostics ?? []).toEqual([]);
  return file?.parsed.value;
}

function webHost(): SimHost {
  return SimHost.fresh()
    .withLink({ name: "web1_0", class: "vnic", over: "oinetint0" })
    .withZone({
      name: "web1",
      brand: "ipkg",
      state: "running",
      nets: [{ physical: "web1_0", allowedAddress: "10.1.0.11/24", defrouter: "10.1.0.1" }],
    });
}

describe("importHost on a simulated host", () => {
  it("imports a single-net zone with its template, pool, VNIC and stub, without touching the host", async () => {
    const sim = webHost();
    const before = JSON.stringify(sim.toJSON());
    const report = await run(sim, { names: ["web1"] });
    expect(report.imported).toBe(1);
    expect(report.entries[0]).toMatchObject({
      zone: "web1",
      outcome: "imported",
      template: "oi",
      file: "zones/web1.kdl",
    });
    expect(await registered("web1")).toEqual({
      name: "web1",
      template: "oi",
      created: "2026-11-24",
      nets: [
        {
          name: "internal",
          addresses: ["10.1.0.11/24"],
          gateways: ["10.1.0.1"],
          vnic: "web1_0",
          stub: "oinetint0",
          pools: ["internal"],
        },
      ],
    });
    expect(JSON.stringify(sim.toJSON())).toBe(before);
  });

  it("reads every zone of --all from the zone files in one command, zonecfg info only for a broken file", async () => {
    const sim = webHost()
      .withLink({ name: "web2_0", class: "vnic", over: "oinetint0" })
      .withZone({
        name: "web2",
        brand: "ipkg",
        nets: [{ physical: "web2_0", allowedAddress: "10.1.0.12/24", defrouter: "10.1.0.1" }],
      })
      .editZoneFile("web2.xml", "<zone");
    const argv: string[] = [];
    const inner = createSimExecutor(sim);
    const reads: string[] = [];
    const report = await importHost({
      exec: {
        run: (cmd, o) => {
          argv.push([cmd.file, ...cmd.args].join(" "));
          return inner.run(cmd, o);
        },
      },
      registry: reg.registry,
      lockTimeoutMs: 2000,
      all: true,
      onZoneConfig: (zone, read) => reads.push(`${zone} ${read.source}`),
    });
    expect(report.imported).toBe(2);
    expect(argv.filter((a) => /tar|zonecfg/.test(a))).toEqual([
      "/usr/bin/tar -cf - -C /etc/zones .",
      "zonecfg -z web2 info",
    ]);
    expect(reads).toEqual(["web1 xml", "web2 zonecfg"]);
    expect((await registered("web2"))?.nets[0]?.addresses).toEqual(["10.1.0.12/24"]);
  });

  it("matches a two-net zone to the two-net template rather than the one-net default", async () => {
    const sim = SimHost.fresh()
      .withLink({ name: "gw0", class: "vnic", over: "oinetint0" })
      .withLink({ name: "gw1", class: "vnic", over: "pubstub0" })
      .withZone({
        name: "gw",
        brand: "ipkg",
        nets: [
          { physical: "gw0", allowedAddress: "10.1.0.20/24", defrouter: "10.1.0.1" },
          { physical: "gw1", allowedAddress: "203.0.113.11/24", defrouter: "203.0.113.1" },
        ],
      });
    const report = await run(sim, { all: true });
    expect(report.entries[0]).toMatchObject({ outcome: "imported", template: "router" });
    const zone = await registered("gw");
    expect(zone?.nets.map((n) => [n.name, n.vnic, n.stub, n.pools])).toEqual([
      ["internal", "gw0", "oinetint0", ["internal"]],
      ["public", "gw1", "pubstub0", ["public"]],
    ]);
  });

  it("imports a shared-IP zone: addresses from address, physical as stub, no VNIC", async () => {
    const sim = SimHost.fresh().withZone({
      name: "sh1",
      brand: "sparse",
      ipType: "shared",
      nets: [{ physical: "net0", address: "10.1.0.30/24", defrouter: "10.1.0.1" }],
    });
    await run(sim, { names: ["sh1"] });
    expect(await registered("sh1")).toMatchObject({
      template: "sparse-shared",
      nets: [
        {
          name: "lan",
          addresses: ["10.1.0.30/24"],
          gateways: ["10.1.0.1"],
          stub: "net0",
          pools: ["internal"],
        },
      ],
    });
    expect((await registered("sh1"))?.nets[0]?.vnic).toBeUndefined();
  });

  it("folds an IPv4 and an IPv6 resource on one VNIC into one dual-stack net", async () => {
    const sim = SimHost.fresh()
      .withLink({ name: "ds0", class: "vnic", over: "oinetint0" })
      .withZone({
        name: "ds",
        brand: "lipkg",
        nets: [
          { physical: "ds0", allowedAddress: "10.1.0.40/24", defrouter: "10.1.0.1" },
          {
            physical: "ds0",
            allowedAddress: "2001:db8:1:0:0:0:0:40/64",
            defrouter: "2001:db8:1::1",
          },
        ],
      });
    const report = await run(sim, { names: ["ds"] });
    expect(report.entries[0]?.warnings).toEqual([]);
    expect(await registered("ds")).toMatchObject({
      template: "dual",
      nets: [
        {
          name: "lan",
          addresses: ["10.1.0.40/24", "2001:db8:1::40/64"],
          gateways: ["10.1.0.1", "2001:db8:1::1"],
          vnic: "ds0",
          stub: "oinetint0",
          pools: ["internal", "internal-v6"],
        },
      ],
    });
  });

  it("imports a net without allowed-address with no address and a warning", async () => {
    const sim = SimHost.fresh()
      .withLink({ name: "app0", class: "vnic", over: "oinetint0" })
      .withZone({ name: "app", brand: "ipkg", nets: [{ physical: "app0" }] });
    const report = await run(sim, { names: ["app"] });
    expect(report.entries[0]?.outcome).toBe("imported");
    expect(report.entries[0]?.warnings.join("\n")).toMatch(/app0 has no allowed-address/);
    expect((await registered("app"))?.nets).toEqual([
      { name: "net0", addresses: [], gateways: [], vnic: "app0", stub: "oinetint0", pools: [] },
    ]);
  });

  it("skips a bhyve zone and never lists it as a candidate", async () => {
    const sim = webHost().withZone({ name: "vm1", brand: "bhyve", nets: [] });
    const listing = await run(sim);
    expect(listing.candidates).toEqual(["web1"]);
    const report = await run(sim, { names: ["vm1"] });
    expect(report.entries[0]).toMatchObject({ outcome: "skipped", code: "zmgr::import::vm_brand" });
    expect(await reg.registry.load().then((s) => s.zones.size)).toBe(0);
  });

  it("skips a zone whose brand has no template, with the command that creates one", async () => {
    const sim = SimHost.fresh()
      .withLink({ name: "lx0", class: "vnic", over: "oinetint0" })
      .withZone({
        name: "lx1",
        brand: "lx",
        nets: [{ physical: "lx0", allowedAddress: "10.1.0.50/24" }],
      });
    const report = await run(sim, { all: true });
    expect(report.entries[0]).toMatchObject({
      outcome: "skipped",
      code: "zmgr::import::no_template",
      reason: "no template for brand lx",
      help: "create one: zmgr template create <name> --brand lx --net net0=internal",
    });
    expect(report.imported).toBe(0);
  });

  it("imports an address that is in no pool, with a warning and no pool", async () => {
    const sim = SimHost.fresh()
      .withLink({ name: "odd0", class: "vnic", over: "oinetint0" })
      .withZone({
        name: "odd",
        brand: "ipkg",
        nets: [{ physical: "odd0", allowedAddress: "192.168.7.7/24" }],
      });
    const report = await run(sim, { names: ["odd"] });
    expect(report.entries[0]?.warnings.join("\n")).toMatch(/192\.168\.7\.7 is in no pool/);
    expect((await registered("odd"))?.nets[0]).toMatchObject({
      name: "net0",
      addresses: ["192.168.7.7/24"],
      pools: [],
    });
  });

  it("does not write a zone whose address a registered zone already uses", async () => {
    await reg.write(
      "zones/old.kdl",
      'zone "old" {\n  template "oi"\n  net "internal" { address "10.1.0.11/24"; vnic "old0"; stub "oinetint0"; pool "internal"; }\n}\n',
    );
    const report = await run(webHost(), { all: true });
    expect(report.entries[0]).toMatchObject({
      zone: "web1",
      outcome: "skipped",
      code: "zmgr::import::address_in_use",
      reason: "address 10.1.0.11 is already used by zone old (zones/old.kdl)",
    });
    expect(await readdir(join(reg.root, "zones"))).toEqual(["old.kdl"]);
  });

  it("imports nothing the second time and says the zones are registered", async () => {
    const sim = webHost();
    expect((await run(sim, { all: true })).imported).toBe(1);
    const second = await run(sim, { all: true });
    expect(second.imported).toBe(0);
    expect(second.candidates).toEqual([]);
    expect(second.entries).toEqual([
      expect.objectContaining({
        zone: "web1",
        outcome: "skipped",
        code: "zmgr::import::registered",
      }),
    ]);
  });

  it("lists the candidates and imports nothing without names or --all", async () => {
    const report = await run(webHost());
    expect(report).toMatchObject({ candidates: ["web1"], entries: [], imported: 0 });
    expect(await readdir(join(reg.root, "zones"))).toEqual([]);
  });

  it("prints the would-be files under dry-run and writes nothing", async () => {
    const report = await run(webHost(), { all: true, dryRun: true });
    const entry = report.entries[0];
    expect(entry).toMatchObject({ outcome: "would-import", file: "zones/web1.kdl" });
    expect(
      parseDocument("zone", entry?.text ?? "", "zones/web1.kdl").value?.nets[0]?.addresses,
    ).toEqual(["10.1.0.11/24"]);
    expect(await readdir(join(reg.root, "zones"))).toEqual([]);
  });

  it("reports a zone named but not on the host", async () => {
    const report = await run(webHost(), { names: ["nope"] });
    expect(report.entries[0]).toMatchObject({
      outcome: "skipped",
      code: "zmgr::import::not_found",
    });
  });

  it("refuses two zones of one run that use the same address", async () => {
    const sim = webHost()
      .withLink({ name: "web2_0", class: "vnic", over: "oinetint0" })
      .withZone({
        name: "web2",
        brand: "ipkg",
        nets: [{ physical: "web2_0", allowedAddress: "10.1.0.11/24" }],
      });
    const report = await run(sim, { all: true });
    expect(report.entries.map((e) => [e.zone, e.outcome])).toEqual([
      ["web1", "imported"],
      ["web2", "skipped"],
    ]);
    expect(report.entries[1]?.reason).toBe(
      "address 10.1.0.11 is already used by zone web1 (imported in this run)",
    );
  });

  it("fails the write when another command registered the zone after the host was read, and stops there", async () => {
    const sim = webHost()
      .withLink({ name: "web2_0", class: "vnic", over: "oinetint0" })
      .withZone({
        name: "web2",
        brand: "ipkg",
        nets: [{ physical: "web2_0", allowedAddress: "10.1.0.12/24" }],
      });
    let raced = false;
    const report = await run(sim, {
      all: true,
      onEvent: (event) => {
        if (event.type === "step-start" && !raced) {
          raced = true; // another zmgr wrote the same zone meanwhile
          writeFileSync(join(reg.root, "zones/web1.kdl"), 'zone "web1" {\n  template "oi"\n}\n');
        }
      },
    });
    expect(report.entries.map((e) => [e.zone, e.outcome, e.code])).toEqual([
      ["web1", "failed", "zmgr::import::registered"],
      ["web2", "skipped", "zmgr::import::not_attempted"],
    ]);
    expect(report.failed).toBe(1);
    expect(await readdir(join(reg.root, "zones"))).toEqual(["web1.kdl"]);
  });

  it("keeps a zone written before a later write failed as imported", async () => {
    const sim = webHost()
      .withLink({ name: "web2_0", class: "vnic", over: "oinetint0" })
      .withZone({
        name: "web2",
        brand: "ipkg",
        nets: [{ physical: "web2_0", allowedAddress: "10.1.0.12/24" }],
      });
    const report = await run(sim, {
      all: true,
      onEvent: (event) => {
        if (event.type === "step-start" && event.step.id === "import:web2") {
          writeFileSync(join(reg.root, "zones/web2.kdl"), 'zone "web2" {\n  template "oi"\n}\n');
        }
      },
    });
    expect(report.entries.map((e) => [e.zone, e.outcome])).toEqual([
      ["web1", "imported"],
      ["web2", "failed"],
    ]);
    expect(report).toMatchObject({ imported: 1, failed: 1, interrupted: false });
    expect((await registered("web1"))?.template).toBe("oi");
  });

  it("skips a zone whose name differs only in case from a registered one", async () => {
    await reg.write("zones/WEB1.kdl", 'zone "WEB1" {\n  template "oi"\n}\n');
    const report = await run(webHost(), { all: true });
    expect(report.entries[0]).toMatchObject({
      zone: "web1",
      outcome: "skipped",
      code: "zmgr::import::case_clash",
    });
    expect(report.candidates).toEqual([]);
  });

  it("warns when the zonepath is not under the registry's zonepath-prefix", async () => {
    const sim = SimHost.fresh()
      .withLink({ name: "far0", class: "vnic", over: "oinetint0" })
      .withZone({
        name: "far",
        brand: "ipkg",
        zonepath: "/data/far",
        nets: [{ physical: "far0", allowedAddress: "10.1.0.90/24" }],
      });
    const report = await run(sim, { all: true });
    expect(report.entries[0]).toMatchObject({
      outcome: "imported",
      warnings: ["zonepath /data/far is not /zones/far (zonepath-prefix of config.kdl)"],
    });
  });

  it("skips an incomplete zone", async () => {
    const sim = SimHost.fresh().withZone({ name: "half", brand: "ipkg", state: "incomplete" });
    const report = await run(sim, { all: true });
    expect(report.entries[0]).toMatchObject({
      outcome: "skipped",
      code: "zmgr::import::incomplete",
    });
  });

  it("records the global-nic of an OmniOS on-demand VNIC as its stub", async () => {
    const sim = SimHost.fresh().withZone({
      name: "od",
      brand: "ipkg",
      nets: [{ physical: "od0", allowedAddress: "10.1.0.70/24", globalNic: "oinetint0" }],
    });
    await run(sim, { all: true });
    expect((await registered("od"))?.nets[0]).toMatchObject({ vnic: "od0", stub: "oinetint0" });
  });

  it("skips a zone that breaks a validate rule: addresses of one VNIC over zoneadmd's 45 characters", async () => {
    const sim = SimHost.fresh()
      .withLink({ name: "long0", class: "vnic", over: "oinetint0" })
      .withZone({
        name: "long",
        brand: "lipkg",
        nets: [
          { physical: "long0", allowedAddress: "10.1.0.80/24" },
          { physical: "long0", allowedAddress: "2001:db8:1:0:3333:4444:5555:6666/64" },
        ],
      });
    const report = await run(sim, { all: true });
    expect(report.entries[0]).toMatchObject({
      outcome: "skipped",
      code: "zmgr::vnic::address_too_long",
    });
    expect(await readdir(join(reg.root, "zones"))).toEqual([]);
  });
});
