import { spawn } from "node:child_process";
import { join } from "node:path";
import { type EtcdCluster, requireServer, startEtcd } from "@zmgr/test-servers";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseClaim } from "../src/claims.js";
import { EtcdClient } from "../src/etcd/client.js";
import { EtcdStorage } from "../src/etcd/etcd-storage.js";
import { parseEtcdUrl } from "../src/etcd/url.js";

const etcd = requireServer("etcd", "etcdctl");
const CHILD = join(import.meta.dirname, "allocator-child.mjs");
const PROCESSES = 4;
const PER_PROCESS = 50;

interface Outcome {
  zone: string;
  text?: string;
  conflicts?: number;
  error?: string;
}

function runChild(args: string[]): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`allocator exited ${code}: ${err}`)),
    );
  });
}

let cluster: EtcdCluster;

etcd.describe("lock-free allocation on a 3-member etcd cluster", () => {
  beforeAll(async () => {
    cluster = await startEtcd({ members: 3 });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it("200 creates from 4 processes × 50 at once: 200 distinct addresses, claims = zones, and the retry path ran", async () => {
    const seed = Number(process.env.ZMGR_SEED ?? Date.now() % 2 ** 31);
    console.log(`concurrent allocation seed ${seed} (replay with ZMGR_SEED=${seed})`);
    const url = cluster.url("/alloc");
    const parsed = parseEtcdUrl(url);
    const client = new EtcdClient({ endpoints: parsed.endpoints });
    const storage = new EtcdStorage({ client, prefix: parsed.prefix, host: "parent" });
    await storage.write(
      "pool",
      "internal",
      'pool "internal" {\n  network "10.1.0.0/24"\n  gateway "10.1.0.1"\n  stub "s0"\n  range-start "10.1.0.10"\n  range-end "10.1.0.250"\n}\n',
      null,
    );
    const runs = await Promise.all(
      Array.from({ length: PROCESSES }, (_, p) =>
        runChild([url, `h${p}`, String(PER_PROCESS), String(seed + p)]),
      ),
    );
    const all = runs.flat();
    expect(all.filter((o) => o.error !== undefined)).toEqual([]);
    expect(all).toHaveLength(PROCESSES * PER_PROCESS);
    const addresses = all.map((o) => /address "([^"]+)"/.exec(o.text!)![1]);
    expect(new Set(addresses).size).toBe(200);
    const conflicts = all.reduce((sum, o) => sum + (o.conflicts ?? 0), 0);
    console.log(`conflicts met and retried: ${conflicts}`);
    expect(conflicts).toBeGreaterThan(0);
    // claims = zones, read back independently of the creators
    const zones = await client.rangeAll(storage.keys.kindDir("zone"), { prefix: true });
    const claims = await client.rangeAll(storage.keys.claims(), { prefix: true });
    expect(zones.kvs).toHaveLength(200);
    const byZone = new Map(
      claims.kvs.map((kv) => [parseClaim(kv.value)!.zone, parseClaim(kv.value)!.address]),
    );
    expect(claims.kvs).toHaveLength(200);
    for (const kv of zones.kvs) {
      const name = /^zone "([^"]+)"/.exec(kv.value)![1]!;
      expect(byZone.get(name)).toBe(/address "([^"]+)"/.exec(kv.value)![1]);
    }
    client.close();
  });
});
