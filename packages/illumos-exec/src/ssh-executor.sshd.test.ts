import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  generateSshKey,
  requireServer,
  type Sshd,
  startProxy,
  startSshd,
} from "@zmgr/test-servers";
import { execa } from "execa";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { SshExecutor } from "./ssh-executor.js";
import { executorFor } from "./ssh-test-hosts.js";

const sshd = requireServer("sshd");

/** Resolves once `path` exists (the remote command's own signal that it has started). */
async function appears(path: string): Promise<void> {
  while (!existsSync(path)) await new Promise((resolve) => setTimeout(resolve, 20));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Deterministic bytes-ish text: every code point 1-255 plus some astral ones, repeated. */
function binaryishText(length: number): string {
  let text = "";
  for (let i = 0; text.length < length; i += 1) {
    text += i % 300 < 255 ? String.fromCodePoint((i % 255) + 1) : "😀";
  }
  return text;
}

sshd.describe("ssh executor against a real sshd", () => {
  let server: Sshd;
  let ssh: SshExecutor;
  let scratch: string;
  beforeAll(async () => {
    server = await startSshd();
    ssh = executorFor(server);
    scratch = await mkdtemp(join(tmpdir(), "zmgr-ssh-scratch-"));
  }, 60_000);
  afterAll(async () => {
    await ssh?.close();
    await server?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it("withFile writes the content byte for byte through tee, in a private dir, then removes it", async () => {
    for (const content of [
      "",
      "create -b\nset zonepath=/zones/a\n",
      binaryishText(3 * 1024 * 1024),
    ]) {
      const seen = await ssh.withFile(content, async (path) => {
        expect(path).toMatch(/^\/tmp\/zmgr\.[A-Za-z0-9]{8}\/zone\.cfg$/);
        expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
        const cat = await ssh.run({ file: "/bin/cat", args: [path], encoding: "buffer" });
        expect(Buffer.from(cat.stdoutBytes ?? []).equals(Buffer.from(content, "utf8"))).toBe(true);
        expect(readFileSync(path).equals(Buffer.from(content, "utf8"))).toBe(true);
        return path;
      });
      expect(existsSync(dirname(seen))).toBe(false);
    }
  });

  it("withFile removes the remote dir when use throws, and keeps use's error", async () => {
    let seen = "";
    await expect(
      ssh.withFile("x", async (path) => {
        seen = path;
        throw new Error("zonecfg said no");
      }),
    ).rejects.toThrow("zonecfg said no");
    expect(seen).not.toBe("");
    expect(existsSync(dirname(seen))).toBe(false);
  });

  it("returns a remote command's own exit 255 with its output", async () => {
    const result = await ssh.run({
      file: "/bin/sh",
      args: ["-c", "echo out; echo err >&2; exit 255"],
    });
    expect(result).toMatchObject({ exitCode: 255, stdout: "out\n", stderr: "err\n" });
  });

  it("passes stdin and other exit codes through", async () => {
    const result = await ssh.run({ file: "/bin/sh", args: ["-c", "cat; exit 3"], stdin: "in\n" });
    expect(result).toMatchObject({ exitCode: 3, stdout: "in\n", stderr: "" });
  });

  it("keeps max-sessions commands in flight against an sshd that allows no more", async () => {
    const tight = await startSshd({ maxSessions: 3 });
    const run = (ssh: SshExecutor) =>
      Promise.all(
        Array.from({ length: 9 }, (_, i) =>
          ssh.run({ file: "/bin/sh", args: ["-c", `sleep 1; echo ${i}`] }),
        ),
      );
    // sshd logs one "Accepted publickey" per connection: the master, plus any fallback.
    const connections = () =>
      readFileSync(tight.logFile, "utf8").split("Accepted publickey").length - 1;
    const limited = executorFor(tight, { maxSessions: 3, sessionAttempts: 1 });
    const unlimited = executorFor(tight, { maxSessions: 9, sessionAttempts: 1 });
    try {
      const results = await run(limited);
      expect(results.map((r) => r.stdout)).toEqual(Array.from({ length: 9 }, (_, i) => `${i}\n`));
      expect(results.map((r) => r.stderr)).toEqual(Array(9).fill(""));
      expect(connections()).toBe(1);
      // The same burst without the limit: sshd refuses sessions on the master, and ssh falls back
      // to connections of their own (what the limit prevents); ssh's complaint is not the stderr.
      const burst = await run(unlimited);
      expect(burst.map((r) => r.stderr)).toEqual(Array(9).fill(""));
      expect(connections()).toBeGreaterThan(2);
    } finally {
      await limited.close();
      await unlimited.close();
      await tight.close();
    }
  });

  it("refuses a changed host key with key_changed, and runs nothing", async () => {
    const other = await generateSshKey(scratch, "other_host_key");
    const marker = join(scratch, "ran-despite-key");
    const wrong = executorFor(server, { hostKeys: [other.publicKey] });
    try {
      const error = await wrong
        .run({ file: "/usr/bin/touch", args: [marker] })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "zmgr::host::key_changed" });
      expect((error as Error).message).toContain(`host h${server.port}`);
      expect(existsSync(marker)).toBe(false);
    } finally {
      await wrong.close();
    }
  });

  it("reports a stopped sshd as unreachable", async () => {
    const gone = await startSshd();
    await gone.stop();
    const to = executorFor(gone);
    try {
      await expect(to.run({ file: "/bin/true", args: [] })).rejects.toMatchObject({
        code: "zmgr::host::unreachable",
        help: expect.stringContaining("host check"),
      });
    } finally {
      await to.close();
      await gone.close();
    }
  });

  it.each([
    ["over the shared master connection", true],
    ["over a connection of its own", false],
  ])(
    "reports a connection cut mid-command as lost, naming the remote command (%s)",
    async (_, share) => {
      const proxy = await startProxy({ host: server.host, port: server.port });
      const through = executorFor(server, { port: proxy.port, shareConnection: share });
      const started = join(scratch, `started-${share}`);
      try {
        const outcome = through
          .run({ file: "/bin/sh", args: ["-c", `touch ${started}; exec sleep 30`] })
          .catch((e: unknown) => e);
        await appears(started);
        proxy.cutAll();
        const error = await outcome;
        expect(error).toMatchObject({ code: "zmgr::host::lost" });
        expect((error as { details: { remote: string } }).details.remote).toBe(
          `/bin/sh -c 'touch ${started}; exec sleep 30'`,
        );
      } finally {
        await through.close();
        await proxy.close();
      }
    },
  );

  it("close() stops the master connection and removes the private dir", async () => {
    let dir = "";
    const once = executorFor(server, {
      deps: {
        makePrivateDir: async () => {
          dir = await mkdtemp("/tmp/zmgr-ssh-");
          return dir;
        },
      },
    });
    await once.run({ file: "/bin/true", args: [] });
    const socket = readdirSync(dir).find((name) => name !== "known_hosts");
    expect(socket).toMatch(/^[0-9a-f]{40}$/);
    const check = await execa(
      "ssh",
      ["-O", "check", "-o", `ControlPath=${dir}/${socket}`, "--", "x"],
      {
        reject: false,
      },
    );
    const pid = Number(/pid=(\d+)/.exec(check.stderr)?.[1]);
    expect(pid).toBeGreaterThan(0);
    await once.close();
    expect(existsSync(dir)).toBe(false);
    // `ssh -O exit` asks the master to exit; wait for its pid to go.
    while (alive(pid)) await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(once.run({ file: "/bin/true", args: [] })).rejects.toMatchObject({
      code: "zmgr::host::closed",
    });
  });
});
