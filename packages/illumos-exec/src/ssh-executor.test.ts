import { describe, expect, it } from "vitest";
import { createSshExecutor, type SshExecutorOptions } from "./ssh-executor.js";
import type { SshDeps, SshOutcome, SshSpawnOptions } from "./ssh-spawn.js";

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKeyKeyKeyKeyKeyKeyKeyKeyKeyKeyKeyKeyKeyKey";
const ok = (stdout = ""): SshOutcome => ({ exitCode: 0, stdout, stderr: "" });

/** Fake deps: every spawn recorded; `reply` answers by argv (the master and -O calls included). */
function fake(
  reply: (args: string[], options: SshSpawnOptions) => SshOutcome,
  env: Record<string, string> = {},
) {
  const calls: { args: string[]; options: SshSpawnOptions }[] = [];
  const files = new Map<string, string>();
  const sleeps: number[] = [];
  let socket = false;
  const removed: string[] = [];
  const deps: Partial<SshDeps> = {
    spawn: async (args, options) => {
      calls.push({ args, options });
      const out = reply(args, options);
      if (args[0] === "-M" && out.exitCode === 0) socket = true;
      if (args[0] === "-O" && args[1] === "exit") socket = false;
      return out;
    },
    makePrivateDir: async () => "/tmp/zmgr-ssh-AbCdEf",
    writeFile: async (path, text) => {
      files.set(path, text);
    },
    list: async () => (socket ? ["known_hosts", "0123abcd"] : ["known_hosts"]),
    removeDir: async (dir) => {
      removed.push(dir);
    },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    env,
  };
  return { deps, calls, files, sleeps, removed };
}

const host = (deps: Partial<SshDeps>, extra: Partial<SshExecutorOptions> = {}) =>
  createSshExecutor({
    host: "h1",
    destination: "zmgr@h1.example.net",
    port: 2222,
    hostKeys: [KEY],
    deps,
    ...extra,
  });

const COMMON = [
  ...["-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes"],
  ...["-o", "UserKnownHostsFile=/tmp/zmgr-ssh-AbCdEf/known_hosts"],
];
const TAIL = [
  ...["-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=3"],
  ...["-o", "ForwardAgent=no", "-o", "ClearAllForwardings=yes", "-o", "LogLevel=ERROR"],
];
const CONTROL = "ControlPath=/tmp/zmgr-ssh-AbCdEf/%C";

describe("createSshExecutor", () => {
  it("opens one master, then runs each command quoted, by absolute path, with the prefix", async () => {
    const f = fake(() => ok("out\n"));
    const ssh = host(f.deps, { commandPrefix: "/usr/bin/pfexec" });
    const result = await ssh.run({ file: "zoneadm", args: ["-z", "web 7", "boot"] });
    await ssh.run({ file: "tar", args: ["-cf", "-", "it's"] });
    expect(result).toEqual(ok("out\n"));
    expect(f.files.get("/tmp/zmgr-ssh-AbCdEf/known_hosts")).toBe(`* ${KEY}\n`);
    expect(f.calls.map((c) => c.args)).toEqual([
      [
        "-M",
        "-N",
        "-f",
        "-o",
        "ControlPersist=30",
        ...COMMON,
        ...TAIL,
        "-o",
        CONTROL,
        "-p",
        "2222",
        "--",
        "zmgr@h1.example.net",
      ],
      [
        "-T",
        ...COMMON,
        ...TAIL,
        "-o",
        "ControlMaster=no",
        "-o",
        CONTROL,
        "-p",
        "2222",
        "--",
        "zmgr@h1.example.net",
        "/usr/bin/pfexec /usr/sbin/zoneadm -z 'web 7' boot",
      ],
      [
        "-T",
        ...COMMON,
        ...TAIL,
        "-o",
        "ControlMaster=no",
        "-o",
        CONTROL,
        "-p",
        "2222",
        "--",
        "zmgr@h1.example.net",
        "/usr/bin/pfexec /usr/bin/tar -cf - 'it'\\''s'",
      ],
    ]);
  });

  it("takes the identity from ZMGR_SSH_IDENTITY (IdentitiesOnly), else leaves it to the ssh config", async () => {
    const withIdentity = fake(() => ok(), { ZMGR_SSH_IDENTITY: "/home/a/.ssh/zmgr" });
    await host(withIdentity.deps, { shareConnection: false }).run({ file: "/bin/true", args: [] });
    expect(withIdentity.calls[0]?.args.slice(0, 11)).toEqual([
      "-T",
      ...COMMON,
      "-i",
      "/home/a/.ssh/zmgr",
      "-o",
      "IdentitiesOnly=yes",
    ]);
    const without = fake(() => ok());
    await host(without.deps, { shareConnection: false }).run({ file: "/bin/true", args: [] });
    expect(without.calls[0]?.args).not.toContain("-i");
    expect(without.calls[0]?.args).not.toContain("IdentitiesOnly=yes");
  });

  it.each(["-oProxyCommand=touch /tmp/pwned", "h1 -oProxyCommand=x", "h1\nx", "-p2222"])(
    "refuses the destination %j before ssh runs",
    (destination) => {
      const f = fake(() => ok());
      expect(() =>
        createSshExecutor({ host: "h1", destination, hostKeys: [KEY], deps: f.deps }),
      ).toThrow(expect.objectContaining({ code: "zmgr::host::invalid" }));
      expect(f.calls).toEqual([]);
    },
  );

  it("refuses a program not named by an absolute path or a known tool", async () => {
    const f = fake(() => ok());
    await expect(host(f.deps).run({ file: "ls", args: [] })).rejects.toMatchObject({
      code: "zmgr::host::relative_command",
    });
    expect(f.calls).toEqual([]);
  });

  it("retries a refused session with growing pauses, then gives up with session_refused", async () => {
    let refusals = 2;
    const refused = {
      exitCode: 255,
      stdout: "",
      stderr: "channel 0: open failed: administratively prohibited: open failed\n",
    };
    const f = fake((args) => (args[0] === "-T" && refusals-- > 0 ? refused : ok("done")));
    expect((await host(f.deps).run({ file: "/bin/true", args: [] })).stdout).toBe("done");
    expect(f.sleeps).toEqual([50, 100]);
    const always = fake((args) => (args[0] === "-T" ? refused : ok()));
    await expect(
      host(always.deps, { sessionAttempts: 3 }).run({ file: "/bin/true", args: [] }),
    ).rejects.toMatchObject({
      code: "zmgr::host::session_refused",
    });
    expect(always.calls.filter((c) => c.args[0] === "-T")).toHaveLength(3);
  });

  it("fails with key_changed when the master meets another host key, running nothing", async () => {
    const f = fake(() => ({
      exitCode: 255,
      stdout: "",
      stderr:
        "Host key for h1 has changed and you have requested strict checking.\nHost key verification failed.\n",
    }));
    await expect(host(f.deps).run({ file: "/bin/true", args: [] })).rejects.toMatchObject({
      code: "zmgr::host::key_changed",
      details: { host: "h1" },
    });
    expect(f.calls.map((c) => c.args[0])).toEqual(["-M"]);
  });

  it("reads a silent 255 as the command's own while the master lives, and as lost when it died", async () => {
    let masterAlive = true;
    const f = fake((args) => {
      if (args[0] === "-O") return masterAlive ? ok() : { exitCode: 255, stdout: "", stderr: "" };
      if (args[0] === "-T") return { exitCode: 255, stdout: "", stderr: "own\n" };
      return ok();
    });
    const ssh = host(f.deps);
    expect(await ssh.run({ file: "/bin/false", args: [] })).toEqual({
      exitCode: 255,
      stdout: "",
      stderr: "own\n",
    });
    masterAlive = false;
    await expect(ssh.run({ file: "/bin/false", args: [] })).rejects.toMatchObject({
      code: "zmgr::host::lost",
      details: { host: "h1", remote: "/bin/false", exitCode: 255 },
    });
  });

  it("withFile: mktemp -d, tee from stdin, use, then rm -rf even when use throws", async () => {
    const f = fake((args) => (args.at(-1)?.includes("mktemp") ? ok("/tmp/zmgr.Ab12Cd34\n") : ok()));
    const ssh = host(f.deps);
    await expect(
      ssh.withFile("set a=b\n", async (path) => {
        expect(path).toBe("/tmp/zmgr.Ab12Cd34/zone.cfg");
        throw new Error("use failed");
      }),
    ).rejects.toThrow("use failed");
    const remote = f.calls
      .filter((c) => c.args[0] === "-T")
      .map((c) => [c.args.at(-1), c.options.stdin]);
    expect(remote).toEqual([
      ["/usr/bin/mktemp -d /tmp/zmgr.XXXXXXXX", undefined],
      ["/usr/bin/tee /tmp/zmgr.Ab12Cd34/zone.cfg >/dev/null", "set a=b\n"],
      ["/usr/bin/rm -rf /tmp/zmgr.Ab12Cd34", undefined],
    ]);
  });

  it("withFile refuses an mktemp answer that is not its template's", async () => {
    const f = fake((args) => (args.at(-1)?.includes("mktemp") ? ok("/ ; rm -rf /\n") : ok()));
    await expect(host(f.deps).withFile("x", async () => "used")).rejects.toMatchObject({
      code: "zmgr::exec::unexpected_output",
    });
    expect(f.calls.filter((c) => c.args[0] === "-T")).toHaveLength(1);
  });

  it("interactive asks for a terminal (-t) only when given one, and returns the exit status", async () => {
    const f = fake(() => ok());
    const seen: string[][] = [];
    f.deps.spawnInteractive = async (args) => {
      seen.push(args);
      return 7;
    };
    const ssh = host(f.deps, { shareConnection: false });
    const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
    expect(await ssh.interactive({ file: "zlogin", args: ["web7"] }, { ...io, isTTY: true })).toBe(
      7,
    );
    await ssh.interactive({ file: "zlogin", args: ["web7"] }, { ...io, isTTY: false });
    expect(seen.map((a) => [a[0], a.at(-1)])).toEqual([
      ["-t", "/usr/sbin/zlogin web7"],
      ["-T", "/usr/sbin/zlogin web7"],
    ]);
  });

  it("close() stops the master and removes the private dir, once", async () => {
    const f = fake(() => ok());
    const ssh = host(f.deps);
    await ssh.run({ file: "/bin/true", args: [] });
    await ssh.close();
    await ssh.close();
    expect(f.calls.at(-1)?.args).toEqual([
      "-O",
      "exit",
      "-o",
      CONTROL,
      "-o",
      "LogLevel=ERROR",
      "-p",
      "2222",
      "--",
      "zmgr@h1.example.net",
    ]);
    expect(f.calls.filter((c) => c.args[1] === "exit")).toHaveLength(1);
    expect(f.removed).toEqual(["/tmp/zmgr-ssh-AbCdEf"]);
  });
});
