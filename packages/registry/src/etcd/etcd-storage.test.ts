import { parseDocument } from "@zmgr/kdl-schema";
import { type EtcdCluster, requireServer, startEtcd, startProxy } from "@zmgr/test-servers";
import { afterAll, beforeAll, expect, it } from "vitest";
import { POOL_TEXT, pool, zoneText } from "../../test/storage-contract.js";
import { Registry } from "../registry.js";
import { reserveZone } from "../reserve-zone.js";
import { ReservationLostError } from "../storage-errors.js";
import { EtcdClient } from "./client.js";
import { EtcdStorage } from "./etcd-storage.js";
import { parseEtcdUrl } from "./url.js";

const etcd = requireServer("etcd", "etcdctl");
const creating = 'status "creating" by="gz1" pid=4242 started="2026-12-04T10:00:00Z"\n';
const noTimers = { setInterval: () => 0, clearInterval: () => undefined };

/** Polls until `condition` holds (a condition, not a fixed sleep), failing after `ms`. */
async function until(condition: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Holds the first `n` arrivals until all have come (two creators read before either commits); later ones pass. */
function barrier(n: number): () => Promise<void> {
  const waiting: (() => void)[] = [];
  let open = false;
  return () =>
    new Promise<void>((resolve) => {
      if (open) return resolve();
      waiting.push(resolve);
      if (waiting.length === n) {
        open = true;
        for (const w of waiting) w();
      }
    });
}

let cluster: EtcdCluster;
let client: EtcdClient;
let n = 0;

etcd.describe("EtcdStorage's create, liveness and edits against one etcd", () => {
  beforeAll(async () => {
    cluster = await startEtcd();
    client = new EtcdClient({ endpoints: parseEtcdUrl(cluster.url("/t")).endpoints });
  }, 60_000);
  afterAll(async () => {
    client?.close();
    await cluster?.stop();
  });

  const fresh = (over: Partial<ConstructorParameters<typeof EtcdStorage>[0]> = {}) =>
    new EtcdStorage({ client, prefix: `/s${++n}`, host: "gz1", ...over });

  const create = (storage: EtcdStorage, zone: string, nonce: string, extra = {}) =>
    reserveZone({
      storage,
      zone,
      pool,
      nonce,
      text: (a) => zoneText(zone, a, creating),
      budgetMs: 10_000,
      now: () => Date.now(),
      random: () => 0, // both pick the lowest free address: they must collide
      delay: async () => undefined,
      ...extra,
    });

  it("two creates racing for one address: one wins, the other meets the claim, retries and gets another", async () => {
    const storage = fresh();
    const both = barrier(2);
    const [a, b] = await Promise.all([
      create(storage, "web1", "n-1", { betweenReadAndCommit: both }),
      create(storage, "web2", "n-2", { betweenReadAndCommit: both }),
    ]);
    expect([a.conflicts, b.conflicts].sort()).toEqual([0, 1]);
    const addresses = [a.text, b.text].map((t) => /address "([^"]+)"/.exec(t)![1]).sort();
    expect(addresses).toEqual(["10.1.0.10/24", "10.1.0.11/24"]);
    expect(await storage.usedAddresses([pool])).toEqual(["10.1.0.10", "10.1.0.11"]);
    const reservations = await cluster.etcdctl([
      "get",
      "--prefix",
      `${storage.keys.reservation("")}`,
    ]);
    expect(reservations.split("\n")).toEqual([
      storage.keys.reservation("web1"),
      "n-1",
      storage.keys.reservation("web2"),
      "n-2",
    ]);
  });

  it("a create whose txn reply is lost settles by its nonce and carries on with what is stored", async () => {
    const proxy = await startProxy({
      host: "127.0.0.1",
      port: Number(cluster.endpoints[0]!.split(":")[1]),
    });
    const viaProxy = new EtcdClient({
      endpoints: parseEtcdUrl(`etcd://${proxy.endpoint}/t`).endpoints,
    });
    const storage = fresh({ client: viaProxy });
    await storage.lease.acquire(); // the lease grant is not the request whose reply is dropped
    let dropped: Promise<void> | undefined;
    const result = await create(storage, "web1", "nonce-42", {
      betweenReadAndCommit: async () => {
        dropped = proxy.dropNextReply();
      },
    });
    await dropped;
    expect(proxy.dropped).toBe(1);
    expect(result.conflicts).toBe(0);
    expect(result.text).toBe(zoneText("web1", ["10.1.0.10/24"], creating));
    const claim = (await client.range(storage.keys.claim("v4/0a01000a"))).kvs[0];
    expect(claim?.value).toContain('txn="nonce-42"');
    const zone = (await client.range(storage.keys.doc("zone", "web1"))).kvs[0];
    expect(zone?.version).toBe("1"); // applied once, never twice
    expect(result.version).toBe(zone?.modRevision);
    viaProxy.close();
    await proxy.close();
  });

  it("a reservation whose lease expires is lost: the check and every guarded write stop with reservation_lost", async () => {
    const storage = fresh({ leaseTtlSeconds: 1, timers: noTimers }); // never renewed
    const made = await create(storage, "web1", "n-7");
    const key = storage.keys.reservation("web1");
    await until(async () => (await client.range(key)).kvs.length === 0, 15_000);
    await expect(storage.assertReservation("web1", "n-7")).rejects.toBeInstanceOf(
      ReservationLostError,
    );
    const finish = storage.commit({
      changes: [
        {
          kind: "zone",
          name: "web1",
          text: zoneText("web1", ["10.1.0.10/24"]),
          expected: made.version,
        },
      ],
      reservation: { zone: "web1", nonce: "n-7", step: "release" },
    });
    await expect(finish).rejects.toMatchObject({ code: "zmgr::registry::reservation_lost" });
    // the claims were never leased: the address stays held until destroy
    expect(await storage.usedAddresses([pool])).toEqual(["10.1.0.10"]);
    await storage.commit({
      changes: [{ kind: "zone", name: "web1", remove: true, expected: made.version }],
      reservation: { zone: "web1", nonce: "n-7", step: "absent" },
    });
    expect(await cluster.etcdctl(["get", "--prefix", "--keys-only", `${storage.keys.all()}`])).toBe(
      "",
    );
  });

  it("a finished create drops its status, deletes its reservation and revokes the lease in one step", async () => {
    const storage = fresh();
    const made = await create(storage, "web1", "n-9");
    const lease = await storage.lease.current();
    await storage.commit({
      changes: [
        {
          kind: "zone",
          name: "web1",
          text: zoneText("web1", ["10.1.0.10/24"]),
          expected: made.version,
        },
      ],
      reservation: { zone: "web1", nonce: "n-9", step: "release" },
    });
    expect((await client.range(storage.keys.reservation("web1"))).kvs).toEqual([]);
    expect(await client.leaseKeepAlive(lease!)).toEqual({ alive: false });
    expect((await storage.read("zone", "web1"))?.text).not.toContain("status");
  });

  it("a comment in a template survives an edit made through etcd (Registry over EtcdStorage)", async () => {
    const storage = fresh();
    const template =
      'template "oi" {\n  brand "ipkg" // the default brand\n  autoboot #false\n  net "internal" { pool "internal"; }\n}\n';
    await storage.write("template", "oi", template, null);
    await storage.write("pool", "internal", POOL_TEXT, null);
    const reg = Registry.open(`etcd://x${storage.keys.prefix}`, { storage });
    const snap = await reg.load();
    expect(snap.diagnostics).toEqual([]);
    const file = snap.templates.get("oi")!;
    await reg.put("template", { ...file.parsed.value!, autoboot: true }, file);
    const stored = (await storage.read("template", "oi"))!.text;
    expect(stored).toContain("// the default brand");
    expect(parseDocument("template", stored, "templates/oi.kdl").value?.autoboot).toBe(true);
    expect((await storage.read("pool", "internal"))!.text).toBe(POOL_TEXT);
  });
});
