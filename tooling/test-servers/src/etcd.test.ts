import { existsSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type EtcdCluster, startEtcd } from "./etcd.js";
import { probeHealth } from "./health.js";
import { requireServer } from "./require-server.js";

const etcd = requireServer("etcd", "etcdctl");

etcd.describe("startEtcd with one member", () => {
  let cluster: EtcdCluster;
  beforeAll(async () => {
    cluster = await startEtcd();
  }, 60_000);
  afterAll(() => cluster?.stop());

  it("serves on a loopback port and answers etcdctl", async () => {
    expect(cluster.endpoints).toHaveLength(1);
    expect(cluster.endpoints[0]).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(cluster.url("/zmgr")).toBe(`etcd://${cluster.endpoints[0]}/zmgr`);
    await cluster.etcdctl(["put", "/t/a", "1"]);
    expect(await cluster.etcdctl(["get", "/t/a", "--print-value-only"])).toBe("1");
  });

  it("keeps the data of a member killed with SIGKILL and restarted", async () => {
    const m = cluster.members[0]!;
    const pid = m.process!.pid;
    await cluster.kill(0);
    expect(m.process!.running).toBe(false);
    expect(() => process.kill(pid, 0)).toThrow();
    expect(await probeHealth(m.clientUrl)).toBe(false);
    await cluster.restart(0);
    expect(await cluster.etcdctl(["get", "/t/a", "--print-value-only"])).toBe("1");
  });
});

etcd.describe("startEtcd with three members", () => {
  it("stays healthy with one member killed, and stop() ends every pid and removes the dirs", async () => {
    const cluster = await startEtcd({ members: 3 });
    try {
      expect(new Set(cluster.endpoints).size).toBe(3);
      const leader = await cluster.leader();
      expect(leader).toBeTypeOf("number");
      const follower = (leader! + 1) % 3;
      await cluster.kill(follower);
      expect(await cluster.leader()).toBe(leader);
      expect(await probeHealth(cluster.members[leader!]!.clientUrl)).toBe(true);
      await cluster.etcdctl(["put", "/t/b", "2"]);
    } finally {
      await cluster.stop();
    }
    for (const m of cluster.members) {
      expect(m.process!.running).toBe(false);
      expect(existsSync(m.dataDir)).toBe(false);
      expect(existsSync(m.logFile)).toBe(false);
    }
  }, 90_000);
});
