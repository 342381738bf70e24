// Per-command overhead of the ssh executor against a loopback sshd: on the shared (master)
// connection vs a fresh connection per command (ARCHITECTURE.md, "ssh"). Needs sshd (Debian
// openssh-server); without it the case is skipped with a message, or fails under CI=true.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { userInfo } from "node:os";
import { join } from "node:path";
import { createSshExecutor } from "@zmgr/illumos-exec";

const SSHD = "/usr/sbin/sshd";

function keygen(dir, name) {
  const file = join(dir, name);
  const r = spawnSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", file]);
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);
  return {
    file,
    pub: readFileSync(`${file}.pub`, "utf8").trim().split(/\s+/).slice(0, 2).join(" "),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function banner(port, child) {
  for (let i = 0; i < 600; i++) {
    const ok = await new Promise((resolve) => {
      const s = connect(port, "127.0.0.1");
      s.once("data", (d) => {
        s.destroy();
        resolve(d.toString("latin1").startsWith("SSH-"));
      });
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    if (child.exitCode !== null) throw new Error("sshd exited before answering");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("sshd did not answer within 30 s");
}

async function startSshd() {
  if (process.getuid?.() === 0) mkdirSync("/run/sshd", { recursive: true, mode: 0o755 });
  const dir = mkdtempSync("/tmp/zmgr-bench-sshd-");
  const host = keygen(dir, "host_key");
  const client = keygen(dir, "client_key");
  writeFileSync(join(dir, "authorized_keys"), `${client.pub}\n`, { mode: 0o600 });
  const port = await freePort();
  const user = userInfo().username;
  const config = [
    `ListenAddress 127.0.0.1:${port}`,
    `HostKey ${host.file}`,
    `AuthorizedKeysFile ${join(dir, "authorized_keys")}`,
    "StrictModes no",
    "UsePAM no",
    "PermitRootLogin prohibit-password",
    "PasswordAuthentication no",
    `AllowUsers ${user}`,
    "PidFile none",
    // bash started by sshd reads ~/.bashrc unless SHLVL says it is nested: keep the bench
    // machine's rc files (0.4 s of pyenv here) out of the per-command figure.
    "SetEnv SHLVL=1",
  ];
  writeFileSync(join(dir, "sshd_config"), `${config.join("\n")}\n`);
  const child = spawn(SSHD, ["-D", "-e", "-f", join(dir, "sshd_config")], { stdio: "ignore" });
  await banner(port, child);
  return {
    options: {
      destination: `${user}@127.0.0.1`,
      port,
      hostKeys: [host.pub],
      identity: client.file,
    },
    stop: () => {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Median ms per `/bin/true` through the ssh executor, shared and fresh connections. */
export async function benchSshOverhead(record, { runs = 41, timeAsync }) {
  if (!existsSync(SSHD)) {
    const message = "sshd not installed (Debian package openssh-server): ssh overhead skipped";
    if (process.env.CI === "true") throw new Error(`${message}, and CI=true forbids skipping`);
    console.warn(message);
    return;
  }
  const sshd = await startSshd();
  const shared = createSshExecutor({ host: "bench", ...sshd.options, shareConnection: true });
  const fresh = createSshExecutor({ host: "bench", ...sshd.options, shareConnection: false });
  try {
    const once = (ssh) => async () => {
      const r = await ssh.run({ file: "/bin/true", args: [] });
      if (r.exitCode !== 0) throw new Error(`/bin/true over ssh exited ${r.exitCode}: ${r.stderr}`);
    };
    await once(shared)(); // opens the master
    await once(fresh)();
    // Interleaved, one run of each at a time, so that a change in the machine's load hits both.
    const times = { shared: [], fresh: [] };
    for (let i = 0; i < runs; i++) {
      times.shared.push(await timeAsync(once(shared), 1));
      times.fresh.push(await timeAsync(once(fresh), 1));
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const sharedMs = median(times.shared);
    const freshMs = median(times.fresh);
    record(`ssh command, shared connection (median of ${runs})`, sharedMs, { goal: "≤ 40 ms" });
    record(`ssh command, fresh connection (median of ${runs})`, freshMs, {
      ratio: +(freshMs / sharedMs).toFixed(2),
    });
  } finally {
    await shared.close();
    await fresh.close();
    sshd.stop();
  }
}
