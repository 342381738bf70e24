import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse.js";
import { DEFAULT_CONFIG } from "./types.js";

describe("parseDocument", () => {
  it("reads the original tool's flat zone as one net named default", () => {
    const text =
      'zone "myzone" { template "oi"; address "10.1.0.10/24"; gateway "10.1.0.1"; vnic "myzone0"; stub "oinetint0"; created "2026-03-22"; }\n';
    const p = parseDocument("zone", text, "zones/myzone.kdl");
    expect(p.diagnostics).toEqual([]);
    expect(p.name).toBe("myzone");
    expect(p.value).toEqual({
      name: "myzone",
      template: "oi",
      nets: [
        {
          name: "default",
          addresses: ["10.1.0.10/24"],
          gateways: ["10.1.0.1"],
          vnic: "myzone0",
          stub: "oinetint0",
          pools: [],
        },
      ],
      created: "2026-03-22",
    });
  });

  it("reads a template-level pool as net default", () => {
    const p = parseDocument(
      "template",
      'template "oi" { brand "ipkg"; pool "internal"; }',
      "templates/oi.kdl",
    );
    expect(p.value?.nets).toEqual([{ name: "default", pools: ["internal"] }]);
    expect(p.value).toMatchObject({
      autoboot: false,
      ipType: "exclusive",
      publishers: [],
      installArgs: [],
    });
  });

  it("reads repeated address and gateway nodes of a net as one list each", () => {
    const text =
      'zone "z" { net "n" { address "10.0.0.2/24"; address "2001:db8::2/64"; gateway "10.0.0.1"; gateway "fe80::1"; }; }';
    expect(parseDocument("zone", text, "z").value?.nets[0]).toMatchObject({
      addresses: ["10.0.0.2/24", "2001:db8::2/64"],
      gateways: ["10.0.0.1", "fe80::1"],
    });
  });

  it("reads a reservation with its numbers as numbers", () => {
    const p = parseDocument(
      "zone",
      'zone "z" { status "failed" pid=17 host="gz" started="2026-03-22T10:00:00Z" reason="boot"; }',
      "z",
    );
    expect(p.value?.status).toEqual({
      state: "failed",
      pid: 17,
      host: "gz",
      started: "2026-03-22T10:00:00Z",
      reason: "boot",
    });
  });

  it("reads a reservation's machine from by= and from the older host= alike", () => {
    const now = parseDocument(
      "zone",
      'zone "z" { status "creating" by="gz" host-id="3d12" pid=17 pid-start="linux:b:99" started="2026-03-22T10:00:00Z"; }',
      "z",
    );
    expect(now.diagnostics).toEqual([]);
    expect(now.value?.status).toEqual({
      state: "creating",
      pid: 17,
      host: "gz",
      hostId: "3d12",
      pidStart: "linux:b:99",
      started: "2026-03-22T10:00:00Z",
    });
    const old = parseDocument("zone", 'zone "z" { status "creating" pid=17 host="gz"; }', "z");
    expect(old.value?.status).toEqual({ state: "creating", pid: 17, host: "gz" });
  });

  it("warns about a KDL v1 file, naming it and offering zmgr fmt", () => {
    const p = parseDocument(
      "template",
      'template "oi" {\n  brand "ipkg"\n  autoboot true\n}\n',
      "templates/oi.kdl",
    );
    expect(p.kdlVersion).toBe(1);
    expect(p.value?.autoboot).toBe(true);
    expect(p.diagnostics).toEqual([
      expect.objectContaining({
        code: "zmgr::kdl::v1_syntax",
        severity: "warning",
        file: "templates/oi.kdl",
      }),
    ]);
    expect(p.diagnostics[0]!.message).toContain("templates/oi.kdl");
    expect(p.diagnostics[0]!.help).toContain("zmgr fmt");
  });

  it("reports a syntax error with file:line:column and no value", () => {
    const p = parseDocument(
      "pool",
      'pool "p" {\n  network "10.0.0.0/24"\n  stub = "x"\n}\n',
      "pools/p.kdl",
    );
    expect(p.value).toBeUndefined();
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0]).toMatchObject({
      code: "zmgr::kdl::syntax",
      location: { file: "pools/p.kdl", line: 3 },
    });
    expect(p.diagnostics[0]!.message).toMatch(/^pools\/p\.kdl:3:\d+: /);
  });

  it("keeps the value when a value is invalid, so the ledger stays complete", () => {
    const p = parseDocument("zone", 'zone "z" { net "n" { address "10.0.0.999/24"; }; }', "z");
    expect(p.diagnostics.map((d) => d.code)).toEqual(["zmgr::kdl::invalid_value"]);
    expect(p.value?.nets[0]?.addresses).toEqual(["10.0.0.999/24"]);
  });

  it("has no value when a required field is missing", () => {
    const p = parseDocument(
      "pool",
      'pool "p" { network "10.0.0.0/24"; addresses "10.0.0.5"; }',
      "p",
    );
    expect(p.value).toBeUndefined();
    expect(p.name).toBe("p");
    expect(p.diagnostics).toEqual([
      expect.objectContaining({ code: "zmgr::kdl::missing_field", path: ["pool", "stub"] }),
    ]);
  });

  it("warns about unknown nodes and properties without failing", () => {
    const p = parseDocument(
      "publisher",
      'publisher "x" { origin "https://x.org/" mirror=#true; sticky #true; }',
      "x",
    );
    expect(p.value).toEqual({ name: "x", origin: "https://x.org/" });
    expect(p.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["zmgr::kdl::unknown_node", "warning"],
      ["zmgr::kdl::unknown_property", "warning"],
    ]);
  });

  it("reports duplicated single fields and several top nodes", () => {
    const p = parseDocument(
      "template",
      'template "a" { brand "ipkg"; brand "lx"; }\ntemplate "b" { brand "x"; }',
      "t",
    );
    expect(p.diagnostics.map((d) => d.code).sort()).toEqual([
      "zmgr::kdl::duplicate_field",
      "zmgr::kdl::multiple_nodes",
    ]);
  });

  it("gives config defaults for an empty config and reads a wrapping config node", () => {
    expect(parseDocument("config", "", "config.kdl").value).toEqual(DEFAULT_CONFIG);
    expect(
      parseDocument("config", 'config { command-prefix "pfexec" "-x"; }', "config.kdl").value,
    ).toEqual({
      ...DEFAULT_CONFIG,
      commandPrefix: ["pfexec", "-x"],
    });
  });

  it("reads zones-dir, and refuses one that is relative or climbs with ..", () => {
    const ok = parseDocument("config", 'zones-dir "/a/etc/zones"\n', "config.kdl");
    expect(ok.value).toEqual({ ...DEFAULT_CONFIG, zonesDir: "/a/etc/zones" });
    for (const bad of ['"etc/zones"', '"/a/../etc/zones"']) {
      const p = parseDocument("config", `zones-dir ${bad}\n`, "config.kdl");
      expect(p.diagnostics.map((d) => [d.code, d.severity])).toContainEqual([
        expect.stringMatching(/^zmgr::/),
        "error",
      ]);
      expect(p.diagnostics[0]?.help).toMatch(/zones-dir "\/etc\/zones"/);
    }
  });

  it("reads fs, attr and install-args resources", () => {
    const p = parseDocument(
      "template",
      'template "t" { brand "lx"; fs "/export/a" "/a"; fs "/b" "/mnt/b" readonly=#true; attr "k" "v"; dataset "tank/t"; install-args "-s" "/img.tar"; cpu-shares 20; capped-memory "512M"; }',
      "t",
    );
    expect(p.diagnostics).toEqual([]);
    expect(p.value).toMatchObject({
      fs: [
        { special: "/export/a", dir: "/a", readonly: false },
        { special: "/b", dir: "/mnt/b", readonly: true },
      ],
      attrs: [{ name: "k", value: "v" }],
      datasets: ["tank/t"],
      installArgs: ["-s", "/img.tar"],
      cpuShares: 20,
      cappedMemory: "512M",
    });
  });

  it("refuses a template net without pools and a zone file holding a pool", () => {
    const t = parseDocument(
      "template",
      'template "t" { brand "ipkg"; net "n" { vnic "x0"; }; }',
      "t",
    );
    expect(t.diagnostics).toEqual([
      expect.objectContaining({
        code: "zmgr::kdl::missing_field",
        path: ["template", "net", "0", "pool"],
      }),
    ]);
    const z = parseDocument("zone", 'pool "p" {}', "zones/p.kdl");
    expect(z.value).toBeUndefined();
    expect(z.diagnostics[0]!.code).toBe("zmgr::kdl::wrong_node");
  });
});
