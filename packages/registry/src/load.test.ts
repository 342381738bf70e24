import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DEFAULT_CONFIG } from "@zmgr/kdl-schema";
import { describe, expect, it } from "vitest";
import { registryWith, SPEC_REGISTRY } from "../test/registry-fixture.js";
import { tempDir } from "../test/tmp.js";
import { RegistryNotFoundError } from "./errors.js";
import { Registry } from "./registry.js";

const load = async (files: Record<string, string>) =>
  Registry.open(await registryWith(files)).load();

describe("loading a snapshot", () => {
  it("loads a registry written exactly as the original tool documents it, without findings", async () => {
    const snap = await load(SPEC_REGISTRY);
    expect(snap.diagnostics).toEqual([]);
    expect(snap.config).toEqual({
      zonepathPrefix: "/zones",
      defaultTemplate: "oi",
      commandPrefix: ["pfexec"],
      zonesDir: "/etc/zones",
    });
    expect([...snap.templates.keys()]).toEqual(["oi", "router"]);
    expect([...snap.pools.keys()]).toEqual(["internal", "public", "public-v6"]);
    expect([...snap.zones.keys()]).toEqual(["myzone", "router1"]);
    expect([...snap.publishers.keys()]).toEqual(["openindiana.org"]);
    const router1 = snap.zones.get("router1")!;
    expect(router1).toMatchObject({ kind: "zone", name: "router1", path: "zones/router1.kdl" });
    expect(router1.version).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(router1.parsed.value?.nets[1]?.addresses).toEqual([
      "203.0.113.10/24",
      "2001:db8:1::10/64",
    ]);
  });

  it("reads the flat single-net zone form as one net named default", async () => {
    const snap = await load(SPEC_REGISTRY);
    expect(snap.zones.get("myzone")?.parsed.value?.nets).toEqual([
      {
        name: "default",
        addresses: ["10.1.0.10/24"],
        gateways: ["10.1.0.1"],
        vnic: "myzone0",
        stub: "oinetint0",
        pools: [],
      },
    ]);
  });

  it("uses the default config when config.kdl is missing", async () => {
    const snap = await load({ "pools/.keep": "" });
    expect(snap.config).toEqual(DEFAULT_CONFIG);
    expect(snap.configFile).toBeUndefined();
    expect(snap.diagnostics).toEqual([]);
  });

  it("reads a KDL v1 file with a warning that names the file", async () => {
    const snap = await load({
      "templates/old.kdl":
        'template "old" {\n  brand "ipkg"\n  autoboot true\n  pool "internal"\n}\n',
    });
    expect(snap.templates.get("old")?.parsed.value?.autoboot).toBe(true);
    expect(snap.diagnostics).toHaveLength(1);
    expect(snap.diagnostics[0]).toMatchObject({
      code: "zmgr::kdl::v1_syntax",
      severity: "warning",
      file: "templates/old.kdl",
    });
    expect(snap.diagnostics[0]?.message).toContain("templates/old.kdl");
  });

  it("reports a syntax error at file:line:column and keeps loading the rest", async () => {
    const snap = await load({
      ...SPEC_REGISTRY,
      "pools/broken.kdl": 'pool "broken" {\n  network "10.9.0.0/24"\n  gateway = \n}\n',
    });
    const syntax = snap.diagnostics.filter((d) => d.code === "zmgr::kdl::syntax");
    expect(syntax).toHaveLength(1);
    expect(syntax[0]?.location).toMatchObject({ file: "pools/broken.kdl", line: 3 });
    expect(syntax[0]?.location?.column).toBeGreaterThan(0);
    expect(snap.pools.get("broken")?.parsed.value).toBeUndefined();
    expect(snap.zones.size).toBe(2);
  });

  it("flags a file whose name differs from its node's name", async () => {
    const snap = await load({ "pools/a.kdl": SPEC_REGISTRY["pools/public.kdl"]! });
    expect(snap.diagnostics).toEqual([
      expect.objectContaining({
        code: "zmgr::registry::name_mismatch",
        severity: "error",
        file: "pools/a.kdl",
        message: 'pools/a.kdl holds pool "public", but its file name says "a"',
      }),
    ]);
  });

  it("refuses two names that differ only in case", async () => {
    const pool = (n: string) => SPEC_REGISTRY["pools/public.kdl"]!.replace('"public"', `"${n}"`);
    const snap = await load({
      "pools/Public.kdl": pool("Public"),
      "pools/public.kdl": pool("public"),
    });
    expect(snap.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ["zmgr::registry::case_clash", "pools/public.kdl"],
    ]);
    expect(snap.diagnostics[0]?.message).toBe(
      "pools/public.kdl and pools/Public.kdl differ only in case",
    );
  });

  it("flags template, pool and publisher file names that break the name rules", async () => {
    const snap = await load({
      "publishers/-bad.kdl": 'publisher "-bad" { origin "https://example.org/" }\n',
    });
    expect(snap.diagnostics.map((d) => d.code)).toContain("zmgr::registry::invalid_name");
  });

  it("ignores temp files of interrupted writes and the lock", async () => {
    const snap = await load({
      ...SPEC_REGISTRY,
      "zones/myzone.kdl.2718281828": 'zone "myzone" { templ',
      ".zmgr.lock": '{"pid":1}',
      ".zmgr.lock.guard": "",
    });
    expect(snap.diagnostics).toEqual([]);
    expect(snap.zones.size).toBe(2);
  });

  it("fails with not_found and a pointer to zmgr init when the root does not exist", async () => {
    const root = join(await tempDir(), "nothing-here");
    const err = await Registry.open(root)
      .load()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryNotFoundError);
    expect((err as RegistryNotFoundError).message).toBe(`no registry at ${root}`);
    expect((err as RegistryNotFoundError).help).toContain("zmgr init");
  });

  it("fails with not_found when the root is a file, not a directory", async () => {
    const root = join(await tempDir(), "file");
    await writeFile(root, "not a registry");
    await expect(Registry.open(root).load()).rejects.toBeInstanceOf(RegistryNotFoundError);
  });
});

describe("loading again through the same Registry", () => {
  it("re-reads every file, keeps the parse of unchanged ones and parses changed ones anew", async () => {
    const root = await registryWith(SPEC_REGISTRY);
    const registry = Registry.open(root);
    const first = await registry.load();
    const text = await readFile(join(root, "zones/router1.kdl"), "utf8");
    await writeFile(
      join(root, "zones/router1.kdl"),
      text.replace("203.0.113.10/24", "203.0.113.11/24"),
    );
    const second = await registry.load();
    expect(second.zones.get("myzone")?.parsed).toBe(first.zones.get("myzone")?.parsed);
    expect(second.configFile?.parsed).toBe(first.configFile?.parsed);
    expect(second.zones.get("router1")?.parsed).not.toBe(first.zones.get("router1")?.parsed);
    expect(second.zones.get("router1")?.parsed.value?.nets[1]?.addresses[0]).toBe(
      "203.0.113.11/24",
    );
    expect(second.zones.get("router1")?.version).not.toBe(first.zones.get("router1")?.version);
    expect(second.diagnostics).toEqual(first.diagnostics);
  });
});
