import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, expect, it } from "vitest";
import { requireServer } from "./require-server.js";
import { type Sshd, startSshd } from "./sshd.js";

const sshd = requireServer("sshd");

function ssh(server: Sshd, remote: string) {
  return execa(
    "ssh",
    [
      ...["-T", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes"],
      ...["-o", `UserKnownHostsFile=${join(server.dir, "known_hosts")}`],
      ...["-i", server.identity, "-o", "IdentitiesOnly=yes", "-p", String(server.port)],
      ...["--", server.destination, remote],
    ],
    { reject: false, stdin: "ignore" },
  );
}

sshd.describe("startSshd", () => {
  let dash: Sshd;
  let bash: Sshd;
  beforeAll(async () => {
    [dash, bash] = await Promise.all([startSshd(), startSshd({ loginShell: "/bin/bash" })]);
    for (const s of [dash, bash]) {
      await writeFile(join(s.dir, "known_hosts"), `[127.0.0.1]:${s.port} ${s.hostKey}\n`);
    }
  }, 60_000);
  afterAll(async () => {
    await dash?.close();
    await bash?.close();
  });

  it("accepts the authorised key only with the recorded host key, and runs the command", async () => {
    const result = await ssh(dash, "echo hello");
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("hello");
    expect(result.exitCode).toBe(0);
  });

  it("parses the command line with dash by default and with bash when asked", async () => {
    // $BASH_VERSION is set only by bash; dash leaves it empty.
    expect((await ssh(dash, 'echo "[$BASH_VERSION]" $(readlink /proc/$$/exe)')).stdout).toBe(
      "[] /usr/bin/dash",
    );
    const viaBash = await ssh(bash, 'echo "[$BASH_VERSION]" $(readlink /proc/$$/exe)');
    expect(viaBash.stdout).toMatch(/^\[5\.[^\]]+\] \/usr\/bin\/bash$/);
  });

  it("refuses connections after stop(), and close() removes its dir", async () => {
    const server = await startSshd();
    await server.stop();
    expect(server.process.running).toBe(false);
    const result = await ssh(server, "true");
    expect(result.exitCode).toBe(255);
    expect(result.stderr).toMatch(/Connection refused/);
    await server.close();
    expect(existsSync(server.dir)).toBe(false);
  });
});
