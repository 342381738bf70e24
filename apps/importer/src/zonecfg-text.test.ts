import { readFileSync } from "node:fs";
import { FakeExecutor } from "@zmgr/illumos-exec/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importHost } from "./import-host.js";
import { BASE_FILES, type TempRegistry, tempRegistry } from "./test-helpers.js";

// `zonecfg -z web info` as OmniOS prints it (COMMANDS.md §3.4): one TAB before resource
// properties, "<prop> not specified" for empty ones, a trailing space after empty top-level values.
const INFO_TABS = [
  "zonename: web",
  "zonepath: /zones/web",
  "brand: lipkg",
  "autoboot: true",
  "bootargs: ",
  "pool: ",
  "limitpriv: ",
  "scheduling-class: ",
  "ip-type: exclusive",
  "hostid: ",
  "fs-allowed: ",
  "net:",
  "\taddress not specified",
  "\tallowed-address: 10.1.0.60/24",
  "\tdefrouter: 10.1.0.1",
  "\tglobal-nic not specified",
  "\tmac-addr not specified",
  "\tphysical: web0",
  "\tvlan-id not specified",
  "net:",
  "\taddress not specified",
  "\tallowed-address: 2001:db8:1::60/64",
  "\tdefrouter: 2001:db8:1::1",
  "\tglobal-nic not specified",
  "\tmac-addr not specified",
  "\tphysical: web0",
  "\tvlan-id not specified",
  "capped-memory:",
  "\tphysical: 1G",
  "",
].join("\n");

// The same text as documentation pastes show it: TABs as 8 spaces, trailing spaces stripped.
const INFO_SPACES = INFO_TABS.replaceAll("\t", "        ").replaceAll(/: \n/g, ":\n");

const LIST =
  "0:global:running:/::ipkg:shared:0\n3:web:running:/zones/web:5c41bacf-f35a-6629-c688-8f5b27197adc:lipkg:excl:42\n";
const VNICS = "web0:oinetint0:2\\:8\\:20\\:38\\:a5\\:d6:0\n";

let reg: TempRegistry;
beforeEach(async () => {
  reg = await tempRegistry({
    ...BASE_FILES,
    "templates/pkgsrc.kdl":
      'template "pkgsrc" {\n  brand "pkgsrc"\n  net "internal" { pool "internal"; }\n}\n',
  });
});
afterEach(() => reg.cleanup());

function fake(list: string, vnics: string, zone: string, info: string): FakeExecutor {
  return (
    new FakeExecutor()
      .expect(["zoneadm", "list", "-cp"], { stdout: list })
      .expect(["dladm", "show-vnic", "-p", "-o", "link,over,macaddress,vid"], { stdout: vnics })
      // no zone files: the importer reads `zonecfg info` (the text under test)
      .expect(["/usr/bin/tar", "-cf", "-", "-C", "/etc/zones", "."], {
        exitCode: 2,
        stderr: "tar: /etc/zones: No such file or directory\n",
      })
      .expect(["zonecfg", "-z", zone, "info"], { stdout: info })
  );
}

describe("importing from real zonecfg info text", () => {
  for (const [layout, text] of [
    ["TABs", INFO_TABS],
    ["spaces", INFO_SPACES],
  ] as const) {
    it(`reads two net resources on one VNIC (${layout}, "not specified" lines) as one dual-stack net`, async () => {
      const exec = fake(LIST, VNICS, "web", text);
      const report = await importHost({
        exec,
        registry: reg.registry,
        names: ["web"],
        lockTimeoutMs: 2000,
        today: "2026-11-24",
      });
      exec.assertDone();
      expect(report.entries[0]).toMatchObject({
        zone: "web",
        outcome: "imported",
        template: "dual",
        warnings: [],
        nets: [
          {
            name: "lan",
            addresses: ["10.1.0.60/24", "2001:db8:1::60/64"],
            gateways: ["10.1.0.1", "2001:db8:1::1"],
            pools: ["internal", "internal-v6"],
            vnic: "web0",
            stub: "oinetint0",
          },
        ],
      });
    });
  }

  it("imports the zone of the recorded OmniOS capture, which has no net at all", async () => {
    const info = readFileSync(new URL("../fixtures/zonecfg-info.1.txt", import.meta.url), "utf8");
    const list =
      "0:global:running:/::ipkg:shared:0\n-:test:installed:/zones/test:311a4f36-779f-4d14-bc9d-c85cb9817327:pkgsrc:excl:216\n";
    const exec = fake(list, "", "test", info);
    const report = await importHost({
      exec,
      registry: reg.registry,
      all: true,
      lockTimeoutMs: 2000,
      today: "2026-11-24",
    });
    exec.assertDone();
    expect(report.entries[0]).toMatchObject({
      zone: "test",
      outcome: "imported",
      template: "pkgsrc",
      nets: [],
    });
  });

  it("lists candidates from the recorded OmniOS zoneadm list without reading any zone config", async () => {
    const list = readFileSync(
      new URL("../fixtures/zoneadm-list-cp.1.txt", import.meta.url),
      "utf8",
    );
    const exec = new FakeExecutor().expect(["zoneadm", "list", "-cp"], { stdout: list });
    const report = await importHost({ exec, registry: reg.registry, lockTimeoutMs: 2000 });
    exec.assertDone();
    expect(report.candidates).toHaveLength(11);
    expect(report.candidates).toContain("gold-lipkg-b");
    expect(report.candidates).not.toContain("global");
  });
});
