import { type EtcdCluster, requireServer, startEtcd } from "@zmgr/test-servers";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeStorageContract, pool, zoneText } from "../../test/storage-contract.js";
import { EtcdClient } from "./client.js";
import { EtcdStorage } from "./etcd-storage.js";
import { parseEtcdUrl } from "./url.js";

const etcd = requireServer("etcd", "etcdctl");
let cluster: EtcdCluster;
let client: EtcdClient;
let n = 0;

/** A key's value as etcdctl reads it (JSON output: the exact bytes, base64). */
async function storedValue(key: string): Promise<string> {
  const out = JSON.parse(await cluster.etcdctl(["get", "-w", "json", key]));
  return Buffer.from(out.kvs[0].value, "base64").toString("utf8");
}

etcd.describe("EtcdStorage against one etcd", () => {
  beforeAll(async () => {
    cluster = await startEtcd();
    client = new EtcdClient({ endpoints: parseEtcdUrl(cluster.url("/t")).endpoints });
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await cluster?.stop();
  });

  const fresh = () => {
    const prefix = `/c${++n}`;
    return { prefix, storage: new EtcdStorage({ client, prefix, host: "gz1" }) };
  };

  describeStorageContract("etcd", async () => {
    const { prefix, storage } = fresh();
    return {
      storage,
      breakZone: async (name) => {
        await client.put(`${prefix}/zones/${name}.kdl`, `zone "${name}" {\n  net {{\n`);
      },
    };
  });

  it("keeps the claims of a zone whose document stopped parsing, and destroy removes them", async () => {
    const { prefix, storage } = fresh();
    await storage.write("zone", "a", zoneText("a", ["10.1.0.20/24"]), null);
    await client.put(`${prefix}/zones/a.kdl`, 'zone "a" {\n');
    expect(await storage.usedAddresses([pool])).toEqual(["10.1.0.20"]);
    await storage.remove("zone", "a");
    expect(await storage.usedAddresses([pool])).toEqual([]);
    const left = await cluster.etcdctl(["get", "--prefix", "--keys-only", `${prefix}/`]);
    expect(left.trim()).toBe("");
  });

  it("stores SPEC §6's keys and values: the KDL text itself, one claim per address in hex", async () => {
    const { prefix, storage } = fresh();
    const text = zoneText("web1", ["10.1.0.10/24", "2001:db8:1::10/64"]);
    await storage.write("zone", "web1", text, null);
    // etcdctl is an independent reader of what landed in etcd
    expect(await storedValue(`${prefix}/zones/web1.kdl`)).toBe(text);
    const keys = (await cluster.etcdctl(["get", "--prefix", "--keys-only", `${prefix}/claims/`]))
      .split("\n")
      .filter(Boolean);
    expect(keys).toEqual([
      `${prefix}/claims/v4/0a01000a`,
      `${prefix}/claims/v6/20010db8000100000000000000000010`,
    ]);
    expect(await storedValue(`${prefix}/claims/v4/0a01000a`)).toBe(
      'claim zone="web1" host="gz1" pool="internal" address="10.1.0.10/24" txn=""\n',
    );
  });

  it("refuses a zone claiming an address another zone holds, writing nothing", async () => {
    const { prefix, storage } = fresh();
    await storage.write("zone", "a", zoneText("a", ["10.1.0.20/24"]), null);
    await expect(
      storage.write("zone", "b", zoneText("b", ["10.1.0.20/24"]), null),
    ).rejects.toMatchObject({
      code: "zmgr::registry::conflict",
    });
    expect(await cluster.etcdctl(["get", "--keys-only", `${prefix}/zones/b.kdl`])).toBe("");
  });

  it("lists only documents of the prefix: /c1 never sees /c10's keys", async () => {
    const a = new EtcdStorage({ client, prefix: "/iso", host: "gz1" });
    const b = new EtcdStorage({ client, prefix: "/iso2", host: "gz1" });
    await b.write("pool", "other", 'pool "other" {}\n', null);
    expect(await a.list("pool")).toEqual([]);
  });
});
