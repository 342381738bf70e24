import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type EtcdCluster, requireServer, startEtcd } from "@zmgr/test-servers";
import { afterAll, beforeAll, expect, it } from "vitest";
import { registryWith, SPEC_REGISTRY } from "../../test/registry-fixture.js";
import { tempDir } from "../../test/tmp.js";
import { checkClaims } from "./check.js";
import { EtcdClient } from "./client.js";
import { EtcdStorage } from "./etcd-storage.js";
import { pullPathOf, pullRegistry } from "./pull.js";
import { MOVED_FILE, pushRegistry } from "./push.js";
import { parseEtcdUrl } from "./url.js";

const etcd = requireServer("etcd", "etcdctl");

const FILES: Record<string, string> = {
  ...SPEC_REGISTRY,
  "zones/web3.kdl":
    'zone "web3" {\n  template "oi" // web tier\n  net "internal" { address "10.1.0.12/24"; pool "internal"; }\n}\n',
  "hosts/gz1.kdl": 'host "gz1" {\n  ssh "root@gz1"\n}\n',
};

async function filesOf(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = join(entry.parentPath, entry.name).slice(dir.length + 1);
    out[rel] = await readFile(join(dir, rel), "utf8");
  }
  return out;
}

let cluster: EtcdCluster;
let client: EtcdClient;
let n = 0;

etcd.describe("registry push, pull and check against one etcd", () => {
  beforeAll(async () => {
    cluster = await startEtcd();
    client = new EtcdClient({ endpoints: parseEtcdUrl(cluster.url("/t")).endpoints });
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await cluster?.stop();
  });

  const target = () => {
    const prefix = `/p${++n}`;
    return { url: cluster.url(prefix), storage: new EtcdStorage({ client, prefix, host: "gz1" }) };
  };

  it("push then pull gives back every document byte for byte; an edited template keeps its comment", async () => {
    const dir = await registryWith(FILES);
    const { url, storage } = target();
    const pushed = await pushRegistry(dir, storage, { host: "gz1", url });
    expect(pushed).toMatchObject({ documents: 11, claims: 5, resumed: false });
    expect(await readFile(join(dir, MOVED_FILE), "utf8")).toBe(`${url}\n`);
    expect(await cluster.etcdctl(["get", "--keys-only", `${storage.keys.pushMarker()}`])).toBe("");
    const copy = await tempDir();
    const pulled = await pullRegistry(storage, copy, { url });
    expect(pulled.skipped).toEqual([]);
    expect(await filesOf(copy)).toEqual(FILES);
    const router = (await storage.read("template", "router"))!;
    await storage.write(
      "template",
      "router",
      router.text.replace("cpu-shares 20", "cpu-shares 30"),
      router.version,
    );
    await pullRegistry(storage, copy, { url, force: true });
    const after = await filesOf(copy);
    expect(after["templates/router.kdl"]).toContain("cpu-shares 30");
    expect(after["templates/router.kdl"]).toContain("// lofs mount: special, dir");
    expect({ ...after, "templates/router.kdl": "" }).toEqual({
      ...FILES,
      "templates/router.kdl": "",
    });
  });

  it("pull refuses a non-empty directory, and a prefix whose push never finished", async () => {
    const { url, storage } = target();
    await pushRegistry(await registryWith(FILES), storage, { host: "gz1", url });
    const full = await registryWith({ "x.txt": "mine" });
    await expect(pullRegistry(storage, full, { url })).rejects.toMatchObject({
      code: "zmgr::registry::pull_target_not_empty",
    });
    await client.put(storage.keys.pushMarker(), "push from elsewhere\n");
    await expect(pullRegistry(storage, await tempDir(), { url })).rejects.toMatchObject({
      code: "zmgr::registry::push_incomplete",
    });
  });

  it("push resumes an interrupted push, refuses a non-empty prefix without --force, and a creating zone", async () => {
    const { url, storage } = target();
    await client.put(storage.keys.pushMarker(), "interrupted\n");
    await client.put(storage.keys.doc("pool", "internal"), "half");
    const report = await pushRegistry(await registryWith(FILES), storage, { host: "gz1", url });
    expect(report.resumed).toBe(true);
    expect((await storage.read("pool", "internal"))?.text).toBe(FILES["pools/internal.kdl"]);
    await expect(
      pushRegistry(await registryWith(FILES), storage, { host: "gz1", url }),
    ).rejects.toMatchObject({
      code: "zmgr::registry::push_target_not_empty",
    });
    const creating = await registryWith({
      "zones/new.kdl":
        'zone "new" {\n  status "creating" by="gz1" pid=42 started="2026-12-04T10:00:00Z"\n}\n',
    });
    await expect(
      pushRegistry(creating, target().storage, { host: "gz1", url }),
    ).rejects.toMatchObject({
      code: "zmgr::registry::push_while_creating",
    });
  });

  it("pull writes only config.kdl and <kind>/<valid-name>.kdl", async () => {
    const { url, storage } = target();
    for (const key of [
      "zones/.hidden.kdl",
      "zones/a/b.kdl",
      "other/x.kdl",
      "zones/notkdl",
      "zones/ok.kdl",
    ]) {
      await client.put(`${storage.keys.prefix}/${key}`, 'zone "ok" {}\n');
    }
    const copy = await tempDir();
    const pulled = await pullRegistry(storage, copy, { url });
    expect(pulled.written).toEqual(["zones/ok.kdl"]);
    expect(pulled.skipped.map((k) => k.slice(storage.keys.prefix.length + 1)).sort()).toEqual([
      "other/x.kdl",
      "zones/.hidden.kdl",
      "zones/a/b.kdl",
      "zones/notkdl",
    ]);
    expect(Object.keys(await filesOf(copy))).toEqual(["zones/ok.kdl"]);
  });

  it("check finds missing and orphan claims; --repair fixes them in guarded transactions", async () => {
    const { url, storage } = target();
    await pushRegistry(await registryWith(FILES), storage, { host: "gz1", url });
    expect(await checkClaims(storage, { host: "gz1" })).toEqual({
      missing: [],
      orphans: [],
      contested: [],
      repaired: false,
    });
    await client.deleteRange(storage.keys.claim("v4/0a01000c")); // web3's 10.1.0.12
    await client.put(
      storage.keys.claim("v4/0a0100c8"),
      'claim zone="gone" host="gz1" pool="internal" address="10.1.0.200/24" txn=""\n',
    );
    const found = await checkClaims(storage, { host: "gz1" });
    expect(found.missing).toEqual([{ key: "v4/0a01000c", address: "10.1.0.12", zone: "web3" }]);
    expect(found.orphans).toEqual([{ key: "v4/0a0100c8", address: "10.1.0.200", zone: "gone" }]);
    expect((await checkClaims(storage, { host: "gz1", repair: true })).repaired).toBe(true);
    expect(await checkClaims(storage, { host: "gz1" })).toMatchObject({ missing: [], orphans: [] });
  });

  it("pushes 300 zones in batches under etcd's 128 operations per txn, claims and all", async () => {
    const files: Record<string, string> = { "pools/internal.kdl": FILES["pools/internal.kdl"]! };
    for (let i = 0; i < 300; i++) {
      const address = `10.1.${Math.floor(i / 200) + 1}.${(i % 200) + 10}/16`;
      files[`zones/z${i}.kdl`] = `zone "z${i}" {\n  net "internal" { address "${address}"; }\n}\n`;
    }
    const { url, storage } = target();
    expect(
      await pushRegistry(await registryWith(files), storage, { host: "gz1", url }),
    ).toMatchObject({
      documents: 301,
      claims: 300,
    });
    expect(await storage.list("zone")).toHaveLength(300);
    expect(await checkClaims(storage, { host: "gz1" })).toMatchObject({ missing: [], orphans: [] });
  });

  it("names every endpoint tried when none answers", async () => {
    const dead = new EtcdClient({
      endpoints: parseEtcdUrl("etcd://127.0.0.1:1,127.0.0.1:2/x").endpoints,
    });
    const storage = new EtcdStorage({ client: dead, prefix: "/x", host: "gz1" });
    const error = await storage.list("zone").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "zmgr::registry::unreachable" });
    expect((error as Error).message).toContain("127.0.0.1:1");
    expect((error as Error).message).toContain("127.0.0.1:2");
    dead.close();
  });

  it("maps keys to pull paths by hand-written cases", () => {
    expect(pullPathOf("config.kdl")).toBe("config.kdl");
    expect(pullPathOf("pools/internal.kdl")).toBe("pools/internal.kdl");
    expect(pullPathOf("hosts/gz1.kdl")).toBe("hosts/gz1.kdl");
    expect(pullPathOf("zones/../x.kdl")).toBeUndefined();
    expect(pullPathOf("zones/.kdl")).toBeUndefined();
    expect(pullPathOf("zones/x\n.kdl")).toBeUndefined();
    expect(pullPathOf("claims/v4/0a01000a")).toBeUndefined();
    expect(pullPathOf("config.kdl.orig")).toBeUndefined();
  });
});
