import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { Agent } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createTestCertificates,
  type EtcdCluster,
  requireServer,
  startEtcd,
  type TestCertificates,
} from "@zmgr/test-servers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EtcdClient } from "./client.js";
import { EtcdServerError, UnreachableError } from "./errors.js";
import { connectionOptions } from "./options.js";
import { post } from "./transport.js";
import { parseEtcdUrl } from "./url.js";

const servers = requireServer("etcd", "etcdctl", "openssl");

servers.describe("EtcdClient over TLS, with user and password", () => {
  let dir: string;
  let certs: TestCertificates;
  let otherCa: TestCertificates;
  let cluster: EtcdCluster;
  const clients: EtcdClient[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "zmgr-etcd-tls-"));
    await mkdir(join(dir, "other"));
    certs = await createTestCertificates(dir);
    otherCa = await createTestCertificates(join(dir, "other"));
    cluster = await startEtcd({ tls: { ...certs, clientCertAuth: true } });
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await cluster?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const clientWith = async (env: Record<string, string>) => {
    const url = parseEtcdUrl(cluster.url("/zmgr"));
    const client = new EtcdClient(
      await connectionOptions(url, { timeoutMs: 3000 }, { env, readFile }),
    );
    clients.push(client);
    return client;
  };

  const tlsEnv = () => ({
    ZMGR_ETCD_CA: certs.caFile,
    ZMGR_ETCD_CERT: certs.clientCertFile,
    ZMGR_ETCD_KEY: certs.clientKeyFile,
  });

  it("reads and writes over etcds:// with ZMGR_ETCD_CA, ZMGR_ETCD_CERT and ZMGR_ETCD_KEY", async () => {
    expect(cluster.url("/zmgr")).toMatch(/^etcds:\/\//);
    const client = await clientWith(tlsEnv());
    await client.put("/zmgr/config.kdl", "config");
    expect((await client.range("/zmgr/config.kdl")).kvs[0]?.value).toBe("config");
  });

  it("refuses a server certificate another CA signed, and counts the write as never sent", async () => {
    const client = await clientWith({ ...tlsEnv(), ZMGR_ETCD_CA: otherCa.caFile });
    for (const attempt of [() => client.range("/zmgr/x"), () => client.put("/zmgr/x", "v")]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreachableError);
      expect((error as Error).message).toMatch(/SIGNATURE|CERT|ISSUER|self-signed|verify/i);
    }
  });

  it("is refused without a client certificate, and counts the write as never sent", async () => {
    const client = await clientWith({ ZMGR_ETCD_CA: certs.caFile });
    for (const attempt of [() => client.range("/zmgr/x"), () => client.put("/zmgr/x", "v")]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreachableError);
      expect((error as Error).message).toMatch(/ERR_SSL_|certificate/i);
    }
  });

  describe("with auth enabled", () => {
    beforeAll(async () => {
      await cluster.etcdctl(["user", "add", "root:rootpw"]);
      await cluster.etcdctl(["role", "add", "zmgr"]);
      await cluster.etcdctl([
        "role",
        "grant-permission",
        "zmgr",
        "--prefix=true",
        "readwrite",
        "/zmgr/",
      ]);
      await cluster.etcdctl(["user", "add", "alice:alicepw"]);
      await cluster.etcdctl(["user", "grant-role", "alice", "zmgr"]);
      await cluster.etcdctl(["auth", "enable"]);
    });
    const alice = { ZMGR_ETCD_USER: "alice", ZMGR_ETCD_PASSWORD: "alicepw" };

    it("reads and writes the prefix its role grants", async () => {
      const client = await clientWith({ ...tlsEnv(), ...alice });
      await client.put("/zmgr/pools/lan.kdl", "pool");
      expect((await client.range("/zmgr/", { prefix: true })).kvs.map((kv) => kv.key)).toEqual([
        "/zmgr/config.kdl",
        "/zmgr/pools/lan.kdl",
      ]);
    });

    it("is refused outside its prefix and without credentials", async () => {
      const client = await clientWith({ ...tlsEnv(), ...alice });
      await expect(client.put("/other", "v")).rejects.toMatchObject({
        code: "zmgr::registry::etcd_error",
        message: expect.stringContaining("permission denied"),
        help: expect.stringContaining("role's permissions"),
      });
      const anonymous = await clientWith(tlsEnv());
      await expect(anonymous.range("/zmgr/config.kdl")).rejects.toThrow(EtcdServerError);
    });

    it("is refused with a wrong password", async () => {
      const client = await clientWith({ ...tlsEnv(), ...alice, ZMGR_ETCD_PASSWORD: "nope" });
      const error = await client.range("/zmgr/config.kdl").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EtcdServerError);
      expect((error as Error).message).toMatch(/authenticate.*authentication failed/);
      expect((error as EtcdServerError).help).toContain("ZMGR_ETCD_PASSWORD");
    });

    it("authenticates again once when etcd no longer knows its token", async () => {
      const client = await clientWith({ ...tlsEnv(), ...alice });
      await client.range("/zmgr/config.kdl");
      // Turning auth off and on makes etcd forget every token: the client's, and this one.
      const endpoint = parseEtcdUrl(cluster.url("/zmgr")).endpoints[0]!;
      const raw = {
        endpoint,
        tls: {
          ca: await readFile(certs.caFile),
          cert: await readFile(certs.clientCertFile),
          key: await readFile(certs.clientKeyFile),
        },
        agent: new Agent(),
        timeoutMs: 3000,
      };
      const auth = await post({
        ...raw,
        path: "/v3/auth/authenticate",
        body: '{"name":"alice","password":"alicepw"}',
        token: undefined,
      });
      const token = (auth.json as { token: string }).token;
      await cluster.etcdctl(["--user=root:rootpw", "auth", "disable"]);
      await cluster.etcdctl(["auth", "enable"]);
      const key = Buffer.from("/zmgr/config.kdl").toString("base64");
      const stale = await post({ ...raw, path: "/v3/kv/range", body: `{"key":"${key}"}`, token });
      expect(JSON.stringify(stale.json)).toContain("invalid auth token");
      raw.agent.destroy();
      expect((await client.range("/zmgr/config.kdl")).kvs[0]?.value).toBe("config");
    });
  });
});
