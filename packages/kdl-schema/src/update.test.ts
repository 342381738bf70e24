import { describe, expect, it } from "vitest";
import { fixtures } from "../test/fixtures.js";
import { parseDocument } from "./parse.js";
import type { Pool, Zone } from "./types.js";
import { updateDocument } from "./update.js";

function parsed<K extends "pool" | "zone" | "template">(kind: K, text: string) {
  const p = parseDocument(kind, text, `${kind}s/x.kdl`);
  if (!p.value) throw new Error(JSON.stringify(p.diagnostics));
  return p as typeof p & { value: NonNullable<typeof p.value> };
}

describe("updateDocument", () => {
  for (const f of fixtures("valid")) {
    const p = parseDocument(f.kind, f.text, f.file);
    if (p.kdlVersion !== 2) continue;
    it(`gives back ${f.file} byte for byte when nothing changed`, () => {
      expect(updateDocument(p, p.value!)).toEqual({ text: f.text, upgraded: false });
    });
  }

  const listPool = `// hoster addresses
pool "public" {
  network "203.0.113.0/24"   // from the hoster
  gateway "203.0.113.1"
  stub "pubstub0"
  addresses "203.0.113.10" "203.0.113.11" // more on request
}
`;

  it("adds an address to a list pool, keeping comments and layout", () => {
    const p = parsed("pool", listPool);
    const mode = p.value.mode as Extract<Pool["mode"], { kind: "list" }>;
    const value: Pool = {
      ...p.value,
      mode: { kind: "list", addresses: [...mode.addresses, "203.0.113.12"] },
    };
    expect(updateDocument(p, value).text).toBe(
      listPool.replace('"203.0.113.11" //', '"203.0.113.11" "203.0.113.12" //'),
    );
  });

  it("adds an address to a list pool written in children form, in that form", () => {
    const text =
      'pool "p" {\n  network "10.0.0.0/24"\n  stub "s0"\n  addresses {\n    - "10.0.0.5" // first\n    - "10.0.0.6"\n  }\n}\n';
    const p = parsed("pool", text);
    const value: Pool = {
      ...p.value,
      mode: { kind: "list", addresses: ["10.0.0.5", "10.0.0.6", "10.0.0.7"] },
    };
    const out = updateDocument(p, value).text;
    expect(out).toBe(text.replace('- "10.0.0.6"\n', '- "10.0.0.6"\n    - "10.0.0.7"\n'));
    expect(parseDocument("pool", out, "p").value).toEqual(value);
  });

  it("removes an address from the bare children form", () => {
    const text =
      'pool "p" {\n  network "10.0.0.0/24"\n  stub "s0"\n  addresses {\n    "10.0.0.5"\n    "10.0.0.6"\n  }\n}\n';
    const p = parsed("pool", text);
    const value: Pool = { ...p.value, mode: { kind: "list", addresses: ["10.0.0.6"] } };
    const out = updateDocument(p, value).text;
    expect(parseDocument("pool", out, "p").value).toEqual(value);
    expect(out).toContain('  addresses {\n    "10.0.0.6"\n  }\n');
  });

  const creating = `zone "web1" {
  // reserved by create
  template "oi"
  net "internal" {
    address "10.1.0.12/24" // pinned
    vnic "web1_0"
  }
  status "creating" pid=4242 host="gz1" started="2026-03-22T10:15:00Z"
}
`;

  // an old reservation's `host=` is rewritten in today's spelling `by=` when zmgr edits the status
  it("changes a zone's status in place", () => {
    const p = parsed("zone", creating);
    const value: Zone = {
      ...p.value,
      status: {
        state: "failed",
        pid: 4242,
        host: "gz1",
        started: "2026-03-22T10:15:00Z",
        reason: "install failed",
      },
    };
    expect(updateDocument(p, value).text).toBe(
      creating.replace(
        'status "creating" pid=4242 host="gz1" started="2026-03-22T10:15:00Z"',
        'status "failed" by="gz1" pid=4242 started="2026-03-22T10:15:00Z" reason="install failed"',
      ),
    );
  });

  it("removes the status node and nothing else", () => {
    const p = parsed("zone", creating);
    const { status: _, ...value } = p.value;
    expect(updateDocument(p, value).text).toBe(creating.replace(/ {2}status .*\n/, ""));
  });

  it("adds a net after the last net, in the canonical one-line style", () => {
    const p = parsed("zone", creating);
    const value: Zone = {
      ...p.value,
      nets: [
        ...p.value.nets,
        {
          name: "public",
          addresses: ["203.0.113.10/24"],
          gateways: ["203.0.113.1"],
          pools: ["public"],
        },
      ],
    };
    expect(updateDocument(p, value).text).toBe(
      creating.replace(
        '    vnic "web1_0"\n  }\n',
        '    vnic "web1_0"\n  }\n  net "public" { address "203.0.113.10/24"; gateway "203.0.113.1"; pool "public"; }\n',
      ),
    );
  });

  it("adds a field inside a one-line net with the same separators", () => {
    const text = 'zone "a" {\n  net "n" { vnic "a0"; }\n}\n';
    const p = parsed("zone", text);
    const value: Zone = { ...p.value, nets: [{ ...p.value.nets[0]!, stub: "oinetint0" }] };
    expect(updateDocument(p, value).text).toBe(
      'zone "a" {\n  net "n" { vnic "a0"; stub "oinetint0"; }\n}\n',
    );
  });

  it("adds a missing field at its canonical place, before later fields", () => {
    const text = 'zone "a" {\n  // note\n  created "2026-01-01"\n}\n';
    const p = parsed("zone", text);
    expect(updateDocument(p, { ...p.value, template: "oi" }).text).toBe(
      'zone "a" {\n  template "oi"\n  // note\n  created "2026-01-01"\n}\n',
    );
  });

  it("rewrites the flat single-net form as a net when the net changes", () => {
    const flat =
      'zone "myzone" { template "oi"; address "10.1.0.10/24"; gateway "10.1.0.1"; vnic "myzone0"; stub "oinetint0"; created "2026-03-22"; }\n';
    const p = parsed("zone", flat);
    const net = { ...p.value.nets[0]!, pools: ["internal"] };
    const out = updateDocument(p, { ...p.value, nets: [net] }).text;
    expect(out).toBe(
      'zone "myzone" { template "oi"; net "default" { address "10.1.0.10/24"; gateway "10.1.0.1"; vnic "myzone0"; stub "oinetint0"; pool "internal"; }; created "2026-03-22"; }\n',
    );
    expect(parseDocument("zone", out, "z").value?.nets).toEqual([net]);
  });

  it("keeps the flat form when only the status changes", () => {
    const flat = 'zone "myzone" { template "oi"; address "10.1.0.10/24"; vnic "myzone0"; }\n';
    const p = parsed("zone", flat);
    const out = updateDocument(p, { ...p.value, status: { state: "creating", pid: 7 } }).text;
    expect(out).toBe(
      'zone "myzone" { template "oi"; address "10.1.0.10/24"; vnic "myzone0"; status "creating" pid=7; }\n',
    );
  });

  it("keeps unknown nodes and comments on every edit", () => {
    const text =
      'pool "p" {\n  /* keep */ network "10.0.0.0/24"\n  stub "s0"\n  vlan 12 // unknown\n  range-start "10.0.0.10"\n  range-end "10.0.0.20"\n}\n';
    const p = parsed("pool", text);
    const out = updateDocument(p, { ...p.value, gateway: "10.0.0.1", reserve: ["10.0.0.11"] }).text;
    expect(out).toContain("vlan 12 // unknown");
    expect(out).toContain("/* keep */");
    expect(out).toBe(
      'pool "p" {\n  /* keep */ network "10.0.0.0/24"\n  gateway "10.0.0.1"\n  stub "s0"\n  vlan 12 // unknown\n  range-start "10.0.0.10"\n  range-end "10.0.0.20"\n  reserve "10.0.0.11"\n}\n',
    );
  });

  it("rewrites a KDL v1 file as v2 on edit, keeping comments, and says so", () => {
    const v1 =
      'template "t" {\n  // legacy\n  brand "ipkg"\n  autoboot false\n  pool "internal"\n}\n';
    const p = parsed("template", v1);
    expect(p.kdlVersion).toBe(1);
    const out = updateDocument(p, { ...p.value, autoboot: true });
    expect(out.upgraded).toBe(true);
    expect(out.text).toBe(
      'template "t" {\n  // legacy\n  brand "ipkg"\n  autoboot #true\n  pool "internal"\n}\n',
    );
    const again = parseDocument("template", out.text, "t");
    expect(again.kdlVersion).toBe(2);
    expect(again.value).toEqual({ ...p.value, autoboot: true });
  });

  it("upgrades a v1 file even when the value is unchanged", () => {
    const p = parsed("template", 'template "t" { brand "ipkg"; autoboot true; }\n');
    expect(updateDocument(p, p.value)).toEqual({
      text: 'template "t" { brand "ipkg"; autoboot #true; }\n',
      upgraded: true,
    });
  });

  it("falls back to the canonical text when an edit would not read back as the value", () => {
    // @bgotink/kdl reads `0xa…` as a node name on the first line only; after an inserted line it
    // would no longer parse, so the edit is not used.
    const p = parseDocument("config", '0xzonepath-prefix "zones"\n', "config.kdl");
    expect(p.value).toBeDefined();
    const value = {
      zonepathPrefix: "/srv/zones",
      defaultTemplate: "oi",
      commandPrefix: [],
      zonesDir: "/etc/zones",
    };
    const out = updateDocument(p, value);
    expect(parseDocument("config", out.text, "config.kdl").value).toEqual(value);
  });

  it("keeps the layout when the value carries keys outside the model", () => {
    const p = parsed("zone", creating);
    const value = { ...p.value, status: undefined, extra: "ignored" } as unknown as Zone;
    expect(updateDocument(p, value).text).toBe(creating.replace(/ {2}status .*\n/, ""));
  });

  it("replaces a file that does not parse with the canonical text", () => {
    const broken = parseDocument("pool", 'pool "p" {', "pools/p.kdl");
    const value: Pool = {
      name: "p",
      network: "10.0.0.0/24",
      stub: "s0",
      mode: { kind: "list", addresses: [] },
      reserve: [],
    };
    const out = updateDocument(broken, value);
    expect(parseDocument("pool", out.text, "p").value).toEqual(value);
  });
});
