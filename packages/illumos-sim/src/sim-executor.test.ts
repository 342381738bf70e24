import { spawn } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFileSimExecutor, saveSimHost } from "./sim-executor.js";
import { SimHost } from "./sim-host.js";
import { simMain, writeSimBinLinks } from "./sim-main.js";
import { lockState, SimLockTimeoutError } from "./sim-state-lock.js";
import { systemTarList } from "./test-tar.js";

const tmp = () => mkdtempSync(join(tmpdir(), "zmgr-sim-exec-"));

describe("createFileSimExecutor", () => {
  it("waits out an injected delay outside its state lock: other commands run meanwhile", async () => {
    const file = join(tmp(), "state.json");
    await saveSimHost(
      file,
      SimHost.fresh().inject({ match: "dladm show-link", times: 1, delayMs: 600_000 }),
    );
    const slow = new AbortController();
    let slowSettled = false;
    const a = createFileSimExecutor(file)
      .run({ file: "dladm", args: ["show-link"] }, { signal: slow.signal })
      .finally(() => {
        slowSettled = true;
      });
    // once the slow command has run (its delay is recorded in the state), it is in its delay;
    // a second executor must not be held up by it (inside the lock it would wait 600 s)
    while (JSON.parse(readFileSync(file, "utf8")).delays.length === 0) {
      await new Promise((r) => setImmediate(r));
    }
    const b = await createFileSimExecutor(file).run({ file: "zoneadm", args: ["list", "-cp"] });
    expect(b.exitCode).toBe(0);
    expect(slowSettled).toBe(false);
    slow.abort();
    await expect(a).rejects.toMatchObject({ code: "zmgr::exec::aborted" });
  });

  it("starts from a fresh host and persists across two executors on one file", async () => {
    const file = join(tmp(), "state.json");
    const a = createFileSimExecutor(file);
    const b = createFileSimExecutor(file);
    expect(
      await a.run({ file: "dladm", args: ["create-vnic", "-l", "oinetint0", "web0"] }),
    ).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: "",
    });
    expect(
      (await b.run({ file: "dladm", args: ["show-vnic", "-p", "-o", "link,over"] })).stdout,
    ).toBe("web0:oinetint0\n");
    expect(
      JSON.parse(readFileSync(file, "utf8")).links.map((l: { name: string }) => l.name),
    ).toEqual(["net0", "oinetint0", "pubstub0", "web0"]);
  });

  it("keeps the state consistent under concurrent commands", async () => {
    const file = join(tmp(), "state.json");
    const execs = [
      createFileSimExecutor(file),
      createFileSimExecutor(file),
      createFileSimExecutor(file),
    ];
    const names = Array.from({ length: 24 }, (_, i) => `v${i + 1}`);
    const results = await Promise.all(
      names.map((n, i) =>
        execs[i % 3]?.run({ file: "dladm", args: ["create-vnic", "-l", "oinetint0", n] }),
      ),
    );
    expect(results.every((r) => r?.exitCode === 0)).toBe(true);
    const out =
      (await execs[0]?.run({ file: "dladm", args: ["show-vnic", "-p", "-o", "link"] }))?.stdout ??
      "";
    expect(out.trim().split("\n").sort()).toEqual([...names].sort());
  });

  it("injections in the state file work across executors (processes)", async () => {
    const file = join(tmp(), "state.json");
    await saveSimHost(
      file,
      SimHost.fresh()
        .withZone({ name: "web", state: "configured" })
        .inject({ match: "zoneadm -z web install", exitCode: 1 }),
    );
    const r = await createFileSimExecutor(file).run({
      file: "zoneadm",
      args: ["-z", "web", "install"],
    });
    expect(r.exitCode).toBe(1);
    const list = await createFileSimExecutor(file).run({ file: "zoneadm", args: ["list", "-cp"] });
    expect(list.stdout).toMatch(/^-:web:incomplete:/m);
  });

  it("reports a corrupt state file", async () => {
    const file = join(tmp(), "state.json");
    writeFileSync(file, "{nope");
    await expect(
      createFileSimExecutor(file).run({ file: "zoneadm", args: ["list"] }),
    ).rejects.toMatchObject({
      code: "zmgr::sim::bad_state",
    });
  });
});

describe("state lock (the registry's lock on <state>.lock)", () => {
  it("takes over a lock whose holder is dead", async () => {
    const state = join(tmp(), "s.json");
    const child = spawn(process.execPath, ["-e", ""]);
    const deadPid = await new Promise<number>((r) => child.on("exit", () => r(child.pid ?? 0)));
    writeFileSync(
      `${state}.lock`,
      JSON.stringify({
        pid: deadPid,
        host: (await import("node:os")).hostname(),
        since: "x",
        token: "0123456789abcdef01234567",
      }),
    );
    const release = await lockState(state, { timeoutMs: 500 });
    expect(JSON.parse(readFileSync(`${state}.lock`, "utf8")).pid).toBe(process.pid);
    await release();
    expect(existsSync(`${state}.lock`)).toBe(false);
  });

  it("takes over an empty lock left by a holder that died while writing it", async () => {
    const state = join(tmp(), "s.json");
    writeFileSync(`${state}.lock`, "");
    const old = new Date(Date.now() - 120_000);
    utimesSync(`${state}.lock`, old, old);
    await (await lockState(state, { timeoutMs: 500 }))();
  });

  it("waits for a live holder, then times out naming it as zmgr::sim::locked", async () => {
    const state = join(tmp(), "s.json");
    const release = await lockState(state);
    const err = await lockState(state, { timeoutMs: 80 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimLockTimeoutError);
    expect(err).toMatchObject({
      code: "zmgr::sim::locked",
      message: expect.stringContaining(`process ${process.pid} on `),
    });
    const waiter = lockState(state, { timeoutMs: 2000 });
    setTimeout(() => void release(), 30);
    await (await waiter)();
  });
});

describe("simMain (the zmgr-sim entry)", () => {
  it("acts as the program named by argv0, through pfexec too", async () => {
    const env = { ZMGR_SIM_STATE: join(tmp(), "s.json") };
    expect(await simMain("/tmp/bin/zoneadm", ["list"], env, { stdin: "" })).toEqual({
      exitCode: 0,
      stdout: "global\n",
      stderr: "",
    });
    expect((await simMain("pfexec", ["dladm", "show-etherstub"], env, { stdin: "" })).stdout).toBe(
      "LINK\noinetint0\npubstub0\n",
    );
    const cfg = await simMain("zonecfg", ["-z", "x", "-f", "-"], env, {
      stdin: "create -b\nset zonepath=/zones/x\n",
    });
    expect(cfg.exitCode).toBe(0);
    expect(
      (await simMain("zmgr-sim", ["zoneadm", "list", "-cp"], env, { stdin: "" })).stdout,
    ).toMatch(/^-:x:configured:/m);
  });

  it("answers as tar with the zone files as bytes, through pfexec /usr/bin/tar too", async () => {
    const env = { ZMGR_SIM_STATE: join(tmp(), "s.json") };
    await simMain("zonecfg", ["-z", "x", "-f", "-"], env, {
      stdin: "create -b\nset zonepath=/zones/x\n",
    });
    const args = ["-cf", "-", "-C", "/etc/zones", "."];
    for (const r of [
      await simMain("tar", args, env, { stdin: "" }),
      await simMain("pfexec", ["/usr/bin/tar", ...args], env, { stdin: "" }),
    ]) {
      expect(r.stdout).toBe("");
      const members = systemTarList(r.stdoutBytes ?? new Uint8Array());
      expect(members.get("x.xml")).toBe("-");
    }
  });

  it("logs each command it runs to $ZMGR_SIM_LOG, one line each", async () => {
    const log = join(tmp(), "commands.log");
    const env = { ZMGR_SIM_STATE: join(tmp(), "s.json"), ZMGR_SIM_LOG: log };
    await simMain("zoneadm", ["list", "-cp"], env, { stdin: "" });
    await simMain("pfexec", ["/usr/bin/tar", "-cf", "-", "-C", "/etc/zones", "."], env, {
      stdin: "",
    });
    expect(readFileSync(log, "utf8")).toBe("zoneadm list -cp\ntar -cf - -C /etc/zones .\n");
  });

  it("picks the upstream flavour for a new state with ZMGR_SIM_FLAVOUR=illumos", async () => {
    const env = { ZMGR_SIM_STATE: join(tmp(), "s.json"), ZMGR_SIM_FLAVOUR: "illumos" };
    expect((await simMain("zoneadm", ["list", "-p"], env, { stdin: "" })).stdout).toBe(
      "0:global:running:/::ipkg:shared\n",
    );
  });

  it("fails clearly without ZMGR_SIM_STATE or with an unknown name", async () => {
    const r = await simMain("zoneadm", ["list"], {}, { stdin: "" });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^zmgr-sim: ZMGR_SIM_STATE is not set/);
    expect((await simMain("zsched", [], { ZMGR_SIM_STATE: "/x" }, { stdin: "" })).stderr).toMatch(
      /cannot act as 'zsched'/,
    );
  });

  it("writeSimBinLinks makes the five symlinks", async () => {
    const dir = join(tmp(), "bin");
    const made = await writeSimBinLinks(dir, "/opt/zmgr/bin/zmgr-sim");
    expect(made.map((p) => p.slice(dir.length + 1))).toEqual([
      "zoneadm",
      "zonecfg",
      "dladm",
      "pkg",
      "zlogin",
      "tar",
    ]);
    expect(readlinkSync(join(dir, "zonecfg"))).toBe("/opt/zmgr/bin/zmgr-sim");
    await writeSimBinLinks(dir, "/other");
    expect(readlinkSync(join(dir, "pkg"))).toBe("/other");
  });
});
