import { mkdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { userInfo } from "node:os";
import { join } from "node:path";
import { findBinary } from "./binaries.js";
import { freePort } from "./free-port.js";
import { ServerProcess } from "./server-process.js";
import { generateSshKey } from "./ssh-keys.js";

export interface SshdOptions {
  /**
   * The POSIX shell that parses the command line ssh sends (default `/bin/sh`, dash on Debian).
   * sshd runs it as `ForceCommand exec <shell> -c "$SSH_ORIGINAL_COMMAND"`: the command line
   * reaches that shell exactly as it reaches a login shell, without creating system users.
   */
  loginShell?: string;
  /** sshd's MaxSessions (default 10, as sshd's own default). */
  maxSessions?: number;
  readyTimeoutMs?: number;
}

export interface Sshd {
  readonly host: "127.0.0.1";
  readonly port: number;
  /** `<user>@127.0.0.1`: the current user (sshd runs as it). */
  readonly destination: string;
  /** The server's host key as `<type> <base64>`, as a host document's `host-key` records it. */
  readonly hostKey: string;
  /** The client private key sshd authorises. */
  readonly identity: string;
  readonly dir: string;
  readonly logFile: string;
  process: ServerProcess;
  /** Stops sshd by pid (SIGTERM; established sessions keep running, as with a real sshd). */
  stop(): Promise<void>;
  /** Stops sshd and removes its temp dir. */
  close(): Promise<void>;
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-15).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Resolves once `port` sends an SSH banner; rejects when `alive()` turns false or time runs out. */
async function waitBanner(
  port: number,
  alive: () => boolean,
  timeoutMs: number,
  describe: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.setTimeout(1000);
      socket.once("data", (chunk) => {
        socket.destroy();
        resolve(chunk.toString("latin1").startsWith("SSH-"));
      });
      socket.once("error", () => resolve(false));
      socket.once("timeout", () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    if (!alive()) throw new Error(`sshd exited before answering: ${describe()}`);
    if (Date.now() > deadline)
      throw new Error(`sshd did not answer within ${timeoutMs} ms: ${describe()}`);
    // readiness poll of a child process's port (retry interval, not a synchronisation by time)
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts a real sshd on a free loopback port with its own config, host key and authorised key. */
export async function startSshd(options: SshdOptions = {}): Promise<Sshd> {
  const binary = findBinary("sshd");
  if (binary === undefined)
    throw new Error("sshd is not installed (Debian package openssh-server)");
  const user = userInfo().username;
  // sshd running as root needs its privilege separation directory (systemd normally creates it).
  if (process.getuid?.() === 0) mkdirSync("/run/sshd", { recursive: true, mode: 0o755 });
  const dir = await mkdtemp("/tmp/zmgr-sshd-");
  const hostKey = await generateSshKey(dir, "host_key");
  const client = await generateSshKey(dir, "client_key");
  await writeFile(join(dir, "authorized_keys"), `${client.publicKey} zmgr-test\n`, { mode: 0o600 });
  const port = await freePort();
  const shell = options.loginShell ?? "/bin/sh";
  const config = [
    `ListenAddress 127.0.0.1:${port}`,
    `HostKey ${hostKey.privateKey}`,
    `AuthorizedKeysFile ${join(dir, "authorized_keys")}`,
    "StrictModes no",
    "UsePAM no",
    "PermitRootLogin prohibit-password",
    "PasswordAuthentication no",
    "KbdInteractiveAuthentication no",
    `AllowUsers ${user}`,
    `MaxSessions ${options.maxSessions ?? 10}`,
    "MaxStartups 100:30:200",
    "PidFile none",
    "LogLevel VERBOSE",
    // bash started by sshd reads ~/.bashrc unless SHLVL says it is nested: the test machine's rc
    // files (the current user's login shell runs the ForceCommand) stay out of every command.
    "SetEnv SHLVL=1",
    `ForceCommand exec ${shell} -c "$SSH_ORIGINAL_COMMAND"`,
  ];
  const configFile = join(dir, "sshd_config");
  await writeFile(configFile, `${config.join("\n")}\n`);
  const logFile = join(dir, "sshd.log");
  const spawn = () => ServerProcess.spawn(binary, ["-D", "-e", "-f", configFile], logFile);
  const server: Sshd = {
    host: "127.0.0.1",
    port,
    destination: `${user}@127.0.0.1`,
    hostKey: hostKey.publicKey,
    identity: client.privateKey,
    dir,
    logFile,
    process: spawn(),
    stop: () => server.process.stop(5000),
    close: async () => {
      await server.process.stop(5000);
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitBanner(
      port,
      () => server.process.running,
      options.readyTimeoutMs ?? 30_000,
      () => `log ${logFile}:\n${tail(logFile)}`,
    );
  } catch (error) {
    await server.close();
    throw error;
  }
  return server;
}
