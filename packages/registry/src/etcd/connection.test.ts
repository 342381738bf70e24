import { createServer, type Server } from "node:net";
import {
  type EtcdCluster,
  requireServer,
  startEtcd,
  startProxy,
  type TcpProxy,
} from "@zmgr/test-servers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EtcdClient } from "./client.js";
import { OutcomeUnknownError, UnreachableError } from "./errors.js";
import { parseEtcdUrl } from "./url.js";

const etcd = requireServer("etcd", "etcdctl");
const endpointsOf = (text: string) => parseEtcdUrl(`etcd://${text}/t`).endpoints;
const absent = (key: string) => [
  { key, target: "create" as const, result: "=" as const, operand: "0" },
];

/** A TCP server that accepts requests and never answers them. */
async function startSilent(): Promise<{ server: Server; endpoint: string }> {
  const server = createServer((socket) => socket.on("error", () => {}));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { server, endpoint: `127.0.0.1:${address.port}` };
}

describe("EtcdClient without any etcd", () => {
  it("names every endpoint tried when none answers", async () => {
    const client = new EtcdClient({ endpoints: endpointsOf("127.0.0.1:1,[::1]:1") });
    const error = await client.range("/t/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreachableError);
    expect((error as UnreachableError).code).toBe("zmgr::registry::unreachable");
    expect((error as Error).message).toContain("127.0.0.1:1 (ECONNREFUSED)");
    expect((error as Error).message).toContain("[::1]:1 (");
    await expect(client.put("/t/x", "v")).rejects.toThrow(UnreachableError);
    client.close();
  });

  it("gives up on a silent endpoint after the timeout: a read as unreachable, a write as outcome unknown", async () => {
    const silent = await startSilent();
    const client = new EtcdClient({ endpoints: endpointsOf(silent.endpoint), timeoutMs: 300 });
    const read = await client.range("/t/x").catch((e: unknown) => e);
    expect(read).toBeInstanceOf(UnreachableError);
    expect((read as Error).message).toContain("no reply within 300 ms");
    const write = await client.put("/t/x", "v").catch((e: unknown) => e);
    expect(write).toBeInstanceOf(OutcomeUnknownError);
    expect((write as OutcomeUnknownError).code).toBe("zmgr::registry::outcome_unknown");
    client.close();
    silent.server.close();
  });
});

etcd.describe("EtcdClient through a proxy that drops a reply", () => {
  let cluster: EtcdCluster;
  let proxy: TcpProxy;
  beforeAll(async () => {
    cluster = await startEtcd();
    const [host, port] = cluster.endpoints[0]!.split(":");
    proxy = await startProxy({ host: host!, port: Number(port) });
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await cluster?.stop();
  });

  it("surfaces a committed txn whose reply was lost as outcome unknown, never retried", async () => {
    const client = new EtcdClient({
      endpoints: endpointsOf(`${proxy.endpoint},${cluster.endpoints[0]}`),
    });
    const dropped = proxy.dropNextReply();
    const error = await client
      .txn({
        compare: absent("/t/zones/web1.kdl"),
        success: [{ put: { key: "/t/zones/web1.kdl", value: "nonce-a" } }],
      })
      .catch((e: unknown) => e);
    await dropped;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as Error).message).toContain(proxy.endpoint);
    // etcd committed it exactly once: the key holds the value at version 1.
    const direct = new EtcdClient({ endpoints: endpointsOf(cluster.endpoints[0]!) });
    const kv = (await direct.range("/t/zones/web1.kdl")).kvs[0];
    expect(kv).toMatchObject({ value: "nonce-a", version: "1" });
    direct.close();
    client.close();
  });

  it("retries a read whose reply was lost on the next endpoint", async () => {
    const client = new EtcdClient({
      endpoints: endpointsOf(`${proxy.endpoint},${cluster.endpoints[0]}`),
    });
    const dropped = proxy.dropNextReply();
    const r = await client.range("/t/zones/web1.kdl");
    await dropped;
    expect(r.kvs.map((kv) => kv.value)).toEqual(["nonce-a"]);
    client.close();
  });

  it("sends a write to the next endpoint when the first refuses the connection", async () => {
    await proxy.close();
    const client = new EtcdClient({
      endpoints: endpointsOf(`${proxy.endpoint},${cluster.endpoints[0]}`),
    });
    expect(await client.put("/t/after-close", "v")).toMatch(/^[0-9]+$/);
    expect((await client.range("/t/after-close")).kvs[0]).toMatchObject({
      value: "v",
      version: "1",
    });
    client.close();
  });
});

etcd.describe("EtcdClient against a 3-member cluster", () => {
  let cluster: EtcdCluster;
  let client: EtcdClient;
  let follower: number;
  beforeAll(async () => {
    cluster = await startEtcd({ members: 3 });
    // The client talks to a follower first: killing it must move the client, not the leadership.
    const leader = await cluster.leader();
    if (leader === undefined) throw new Error("the cluster has no leader");
    follower = (leader + 1) % 3;
    const order = [follower, (follower + 1) % 3, (follower + 2) % 3].map(
      (i) => cluster.endpoints[i],
    );
    client = new EtcdClient({ endpoints: endpointsOf(order.join(",")), timeoutMs: 3000 });
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await cluster?.stop();
  }, 30_000);

  it("reads and writes through the next member when the one in use is killed", async () => {
    await client.put("/t/before", "1");
    await cluster.kill(follower);
    await client.put("/t/after", "2");
    expect((await client.range("/t/", { prefix: true })).kvs.map((kv) => kv.value)).toEqual([
      "2",
      "1",
    ]);
  }, 60_000);

  it("is unreachable, naming every member, when all are stopped", async () => {
    await Promise.all([0, 1, 2].map((i) => cluster.kill(i)));
    for (const attempt of [() => client.range("/t/x"), () => client.put("/t/x", "v")]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreachableError);
      for (const endpoint of cluster.endpoints)
        expect((error as Error).message).toContain(endpoint);
    }
  });
});
