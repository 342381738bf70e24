import { type EtcdCluster, requireServer, startEtcd } from "@zmgr/test-servers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EtcdClient, MAX_TXN_OPS } from "./client.js";
import { RequestTooLargeError } from "./errors.js";
import type { Op } from "./messages.js";
import { parseEtcdUrl } from "./url.js";

const etcd = requireServer("etcd", "etcdctl");

/** Key names in numeric order: `/<base>/00017` … */
const keyName = (base: string, i: number) => `${base}/${String(i).padStart(5, "0")}`;

etcd.describe("EtcdClient against one etcd", () => {
  let cluster: EtcdCluster;
  let client: EtcdClient;
  beforeAll(async () => {
    cluster = await startEtcd();
    client = new EtcdClient({ endpoints: parseEtcdUrl(cluster.url("/t")).endpoints });
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await cluster?.stop();
  });

  async function putMany(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += MAX_TXN_OPS) {
      const success: Op[] = keys
        .slice(i, i + MAX_TXN_OPS)
        .map((key) => ({ put: { key, value: `v:${key}` } }));
      expect((await client.txn({ compare: [], success })).succeeded).toBe(true);
    }
  }

  describe("range", () => {
    it("selects exactly the keys under a prefix", async () => {
      await putMany(["/p/a", "/p/b", "/p0", "/p2/x", "/q/a"]);
      const r = await client.range("/p/", { prefix: true });
      expect(r.kvs.map((kv) => kv.key)).toEqual(["/p/a", "/p/b"]);
      expect(r.kvs[0]!.value).toBe("v:/p/a");
      expect(r.count).toBe("2");
      expect(r.more).toBe(false);
    });

    it("answers keys only, and says when a limit left keys out", async () => {
      const r = await client.range("/p/", { prefix: true, keysOnly: true, limit: 1 });
      expect(r.kvs).toHaveLength(1);
      expect(r.kvs[0]!.value).toBe("");
      expect(r.more).toBe(true);
      expect(r.count).toBe("2");
    });

    it("reads [key, end)", async () => {
      const r = await client.range("/p/a", { end: "/p/b" });
      expect(r.kvs.map((kv) => kv.key)).toEqual(["/p/a"]);
    });

    it("answers an absent key with no kvs and the store's revision as a string", async () => {
      const r = await client.range("/absent");
      expect(r.kvs).toEqual([]);
      expect(r.revision).toMatch(/^[1-9][0-9]*$/);
    });
  });

  it("reuses its keep-alive sockets for many requests without piling up listeners", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    try {
      for (let i = 0; i < 40; i++) await client.range("/p/a");
      await Promise.all(Array.from({ length: 40 }, () => client.range("/p/a")));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings).toEqual([]);
  });

  describe("rangeAll", () => {
    it("reads 3000 keys page by page at the revision of the first page", async () => {
      const written = Array.from({ length: 3000 }, (_, i) => keyName("/big", i * 2));
      await putMany(written);
      let pages = 0;
      const { kvs, revision } = await client.rangeAll("/big/", {
        prefix: true,
        keysOnly: true,
        pageSize: 700,
        afterPage: async () => {
          pages += 1;
          // Between pages: a key sorted later appears, a key of a later page is deleted.
          await client.put(keyName("/big", 5001), "late");
          await client.deleteRange(keyName("/big", 5998));
        },
      });
      expect(pages).toBe(4);
      expect(kvs.map((kv) => kv.key)).toEqual(written);
      const now = await client.range("/big/", { prefix: true, keysOnly: true, limit: 1 });
      expect(BigInt(now.revision)).toBeGreaterThan(BigInt(revision));
      expect(now.count).toBe("3000");
    });

    it("returns an empty list for an empty range", async () => {
      expect((await client.rangeAll("/nothing/", { prefix: true })).kvs).toEqual([]);
    });
  });

  describe("txn", () => {
    it("creates a key only while it is absent (create_revision = 0)", async () => {
      const create = (value: string) =>
        client.txn({
          compare: [{ key: "/c/zone", target: "create", result: "=", operand: "0" }],
          success: [{ put: { key: "/c/zone", value } }],
          failure: [{ range: { key: "/c/zone" } }],
        });
      const first = await create("one");
      expect(first).toMatchObject({ succeeded: true, responses: [{ put: {} }] });
      const second = await create("two");
      expect(second.succeeded).toBe(false);
      const held = second.responses[0];
      expect(held && "range" in held && held.range.kvs.map((kv) => kv.value)).toEqual(["one"]);
    });

    it("writes only at the mod revision read", async () => {
      const read = (await client.range("/c/zone")).kvs[0]!;
      const write = (value: string) =>
        client.txn({
          compare: [{ key: "/c/zone", target: "mod", result: "=", operand: read.modRevision }],
          success: [{ put: { key: "/c/zone", value } }],
        });
      expect((await write("edited")).succeeded).toBe(true);
      expect((await write("stale")).succeeded).toBe(false);
      expect((await client.range("/c/zone")).kvs[0]!.value).toBe("edited");
    });

    it("compares values, and a whole range's create revisions at once", async () => {
      const valueIs = (operand: string) =>
        client.txn({
          compare: [{ key: "/c/zone", target: "value", result: "=", operand }],
          success: [],
        });
      expect((await valueIs("edited")).succeeded).toBe(true);
      expect((await valueIs("other")).succeeded).toBe(false);
      const rangeFree = (key: string) =>
        client.txn({
          compare: [{ key, prefix: true, target: "create", result: "=", operand: "0" }],
          success: [],
        });
      expect((await rangeFree("/c/claims/")).succeeded).toBe(true);
      await client.put("/c/claims/0a000001", "claim");
      expect((await rangeFree("/c/claims/")).succeeded).toBe(false);
    });

    it("deletes a prefix in a txn and reports how many keys went", async () => {
      await putMany(["/d/1", "/d/2", "/d/3"]);
      const r = await client.txn({
        compare: [],
        success: [{ delete: { key: "/d/", prefix: true } }],
      });
      expect(r.responses).toEqual([{ delete: { deleted: "3" } }]);
      expect(await client.deleteRange("/d/", { prefix: true })).toBe("0");
    });

    it(`runs a txn of ${MAX_TXN_OPS} ops, and refuses ${MAX_TXN_OPS + 1} before sending`, async () => {
      const ops = (n: number): Op[] =>
        Array.from({ length: n }, (_, i) => ({ put: { key: keyName("/lim", i), value: "x" } }));
      expect((await client.txn({ compare: [], success: ops(MAX_TXN_OPS) })).succeeded).toBe(true);
      // Pointed at a port nobody listens on: a request that was tried would be unreachable.
      const nowhere = new EtcdClient({ endpoints: [{ host: "127.0.0.1", port: 1 }] });
      await expect(nowhere.txn({ compare: [], success: ops(MAX_TXN_OPS + 1) })).rejects.toThrow(
        RequestTooLargeError,
      );
      await expect(nowhere.put("/big-value", "x".repeat(1.2 * 1024 * 1024))).rejects.toMatchObject({
        code: "zmgr::registry::request_too_large",
      });
      nowhere.close();
    });

    it("stores a value of 1 MiB", async () => {
      const value = "k".repeat(1024 * 1024);
      await client.put("/one-mib", value);
      expect((await client.range("/one-mib")).kvs[0]!.value).toBe(value);
    });
  });
});
