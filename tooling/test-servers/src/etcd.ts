import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { findBinary } from "./binaries.js";
import { freePorts } from "./free-port.js";
import { memberStatus, type TlsFiles, waitHealthy } from "./health.js";
import { ServerProcess } from "./server-process.js";

export interface EtcdOptions {
  members?: 1 | 3;
  /**
   * Serve clients over TLS with these files. `clientCertAuth` also requires client certificates
   * signed by `caFile` (etcd 3.4 requires them whenever it is given a trusted CA file).
   */
  tls?: TlsFiles & { clientCertAuth?: boolean };
  /** How long `stop()` waits after SIGTERM before SIGKILL. */
  stopBoundMs?: number;
  readyTimeoutMs?: number;
}

export interface EtcdMember {
  readonly name: string;
  /** `127.0.0.1:<port>`, as an etcd URL names it. */
  readonly endpoint: string;
  readonly clientUrl: string;
  readonly peerUrl: string;
  readonly dataDir: string;
  readonly logFile: string;
  process: ServerProcess | undefined;
}

export interface EtcdCluster {
  readonly members: readonly EtcdMember[];
  /** Every member's `host:port`. */
  readonly endpoints: string[];
  /** `etcd://` (or `etcds://`) URL over every member, for `prefix` (with its leading slash). */
  url(prefix: string): string;
  /** The index of the member the running members agree leads, or undefined when none does. */
  leader(): Promise<number | undefined>;
  /** SIGKILL one member (by index) and wait for its exit. */
  kill(member: number): Promise<void>;
  /** Start a stopped or killed member again on its data dir; waits until it is healthy. */
  restart(member: number): Promise<void>;
  /** Run `etcdctl` (API v3) against the running members; resolves its stdout, throws on failure. */
  etcdctl(args: string[], env?: Record<string, string>): Promise<string>;
  /** Stop every member (SIGTERM, SIGKILL after the bound) and remove the temp dirs. */
  stop(): Promise<void>;
}

async function tempRoots(): Promise<{ logs: string; data: string }> {
  const logs = await mkdtemp(join(tmpdir(), "zmgr-etcd-"));
  // On a small shared machine, fsync on a real disk makes members miss heartbeats.
  const data = existsSync("/dev/shm") ? await mkdtemp("/dev/shm/zmgr-etcd-") : logs;
  return { logs, data };
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-15).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Starts etcd (one member or a 3-member cluster) on free loopback ports in temp dirs. */
export async function startEtcd(options: EtcdOptions = {}): Promise<EtcdCluster> {
  const binary = findBinary("etcd");
  if (binary === undefined) throw new Error("etcd is not installed (Debian package etcd-server)");
  const count = options.members ?? 1;
  const tls = options.tls;
  const scheme = tls ? "https" : "http";
  const roots = await tempRoots();
  const ports = await freePorts(count * 2);
  const members: EtcdMember[] = Array.from({ length: count }, (_, i) => ({
    name: `m${i}`,
    endpoint: `127.0.0.1:${ports[2 * i]}`,
    clientUrl: `${scheme}://127.0.0.1:${ports[2 * i]}`,
    peerUrl: `http://127.0.0.1:${ports[2 * i + 1]}`,
    dataDir: join(roots.data, `m${i}`),
    logFile: join(roots.logs, `m${i}.log`),
    process: undefined,
  }));
  const initialCluster = members.map((m) => `${m.name}=${m.peerUrl}`).join(",");
  const token = `zmgr-test-${process.pid}-${ports[0]}`;
  const argsOf = (m: EtcdMember) => [
    ...["--name", m.name, "--data-dir", m.dataDir],
    ...["--listen-client-urls", m.clientUrl, "--advertise-client-urls", m.clientUrl],
    ...["--listen-peer-urls", m.peerUrl, "--initial-advertise-peer-urls", m.peerUrl],
    ...["--initial-cluster", initialCluster, "--initial-cluster-state", "new"],
    ...["--initial-cluster-token", token],
    ...["--heartbeat-interval", "200", "--election-timeout", "2000"],
    ...["--logger", "zap", "--log-level", "warn"],
    ...(tls ? ["--cert-file", tls.certFile, "--key-file", tls.keyFile] : []),
    // etcd 3.4 requires client certificates as soon as it has a trusted CA file.
    ...(tls?.clientCertAuth ? ["--client-cert-auth", "--trusted-ca-file", tls.caFile] : []),
  ];
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const ready = (m: EtcdMember) =>
    waitHealthy(m.clientUrl, {
      ...(tls ? { tls } : {}),
      alive: () => m.process?.running ?? false,
      timeoutMs: readyTimeoutMs,
      describe: () => `${m.name} (${m.clientUrl}), log ${m.logFile}:\n${tail(m.logFile)}`,
    });
  const stopAll = async () => {
    const bound = options.stopBoundMs ?? 5000;
    await Promise.all(members.map((m) => m.process?.stop(bound)));
    await rm(roots.logs, { recursive: true, force: true });
    await rm(roots.data, { recursive: true, force: true });
  };

  for (const m of members) m.process = ServerProcess.spawn(binary, argsOf(m), m.logFile);
  try {
    await Promise.all(members.map(ready));
  } catch (error) {
    await stopAll();
    throw error;
  }

  const member = (i: number) => {
    const m = members[i];
    if (m === undefined) throw new Error(`no member ${i} (the cluster has ${members.length})`);
    return m;
  };
  return {
    members,
    endpoints: members.map((m) => m.endpoint),
    url: (prefix) =>
      `${tls ? "etcds" : "etcd"}://${members.map((m) => m.endpoint).join(",")}${prefix}`,
    leader: async () => {
      const running = members.filter((m) => m.process?.running);
      const statuses = await Promise.all(running.map((m) => memberStatus(m.clientUrl, tls)));
      const leaders = new Set(statuses.map((s) => s?.leader));
      if (leaders.size !== 1) return undefined;
      const i = running.findIndex(
        (_, j) => statuses[j] && statuses[j].memberId === statuses[j].leader,
      );
      return i < 0 ? undefined : members.indexOf(running[i]!);
    },
    kill: async (i) => {
      await member(i).process?.kill();
    },
    restart: async (i) => {
      const m = member(i);
      if (m.process?.running) throw new Error(`member ${m.name} is still running`);
      m.process = ServerProcess.spawn(binary, argsOf(m), m.logFile);
      await ready(m);
    },
    etcdctl: async (args, env = {}) => {
      const ctl = findBinary("etcdctl");
      if (ctl === undefined)
        throw new Error("etcdctl is not installed (Debian package etcd-client)");
      const live = members.filter((m) => m.process?.running).map((m) => m.clientUrl);
      const tlsArgs = tls
        ? [`--cacert=${tls.caFile}`, `--cert=${tls.certFile}`, `--key=${tls.keyFile}`]
        : [];
      const result = await execa(ctl, [`--endpoints=${live.join(",")}`, ...tlsArgs, ...args], {
        env: { ETCDCTL_API: "3", ...env },
        reject: false,
      });
      if (result.exitCode !== 0) {
        throw new Error(`etcdctl ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
      }
      return result.stdout;
    },
    stop: stopAll,
  };
}
