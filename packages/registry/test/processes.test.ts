// Real OS processes against one registry directory. The worker (test/worker.ts) is bundled
// once from source with tsdown (test/bundle.ts) into a temp directory and run with plain `node`:
// no build of any package is needed and nothing is written outside the temp directories.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LockedError, Registry, TEMP_FILE } from "../src/index.js";
import { acquireLock } from "../src/lock.js";
import { bundleWorker } from "./bundle.js";
import { registryWith } from "./registry-fixture.js";

let bundleDir = "";
let worker = "";

beforeAll(async () => {
  bundleDir = await mkdtemp(join(tmpdir(), "zmgr-registry-worker-"));
  worker = await bundleWorker(bundleDir);
}, 120_000);

afterAll(async () => {
  await rm(bundleDir, { recursive: true, force: true });
});

function run(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; stderr: string }>;
} {
  const child = spawn(process.execPath, [worker, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, stderr })),
  );
  return { child, done };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("\n")) resolve(out.split("\n")[0] ?? "");
    });
    child.on("exit", () => reject(new Error(`worker exited before printing: ${out}`)));
  });
}

describe("several processes", () => {
  it("lose no update: 20 processes each add an address to the same pool at once", async () => {
    const root = await registryWith({
      "pools/public.kdl":
        'pool "public" {\n  network "203.0.113.0/24" // hoster block\n  stub "pubstub0"\n  addresses "203.0.113.10"\n}\n',
    });
    const mine = Array.from({ length: 20 }, (_, i) => `203.0.113.${100 + i}`);
    const results = await Promise.all(
      mine.map((a) => run(["add-address", root, "public", a]).done),
    );
    expect(results.filter((r) => r.code !== 0)).toEqual([]);
    const snap = await Registry.open(root).load();
    expect(snap.diagnostics).toEqual([]);
    const pool = snap.pools.get("public")!;
    const mode = pool.parsed.value?.mode;
    expect(mode?.kind === "list" ? [...mode.addresses].sort() : []).toEqual(
      ["203.0.113.10", ...mine].sort(),
    );
    expect(pool.parsed.text).toContain("// hoster block");
    expect(await readdir(root)).toEqual(["pools"]);
  }, 180_000);

  it("leaves every file whole when a writer is killed with SIGKILL mid-write", async () => {
    const root = await registryWith({ "config.kdl": 'default-template "oi"\n' });
    let killedDuringWrite = 0;
    // Every round must leave whole files, whether the kill lands mid-write or between two writes;
    // rounds go on (at most 20) until one kill has landed mid-write, which a loaded machine may
    // take a few tries to hit (the writer can rename between our readdir and the kill).
    let rounds = 0;
    for (; rounds < 3 || (killedDuringWrite === 0 && rounds < 20); rounds++) {
      const { child, done } = run(["write-loop", root]);
      expect(await firstLine(child)).toBe("writing");
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const names = await readdir(join(root, "zones"));
        if (names.some((n) => TEMP_FILE.test(n))) break;
      }
      child.kill("SIGKILL");
      await done;
      const names = await readdir(join(root, "zones"));
      if (names.some((n) => TEMP_FILE.test(n))) killedDuringWrite++;
      const snap = await Registry.open(root).load();
      expect(snap.diagnostics).toEqual([]);
      expect([...snap.zones.keys()].length).toBeGreaterThan(0);
      for (const file of snap.zones.values()) {
        expect(file.parsed.value?.created).toBe("2026-03-22");
        expect(file.parsed.text.endsWith('  created "2026-03-22"\n}\n')).toBe(true);
      }
    }
    console.info(`SIGKILL mid-write: ${killedDuringWrite} of ${rounds} kills left a temp file`);
    expect(killedDuringWrite).toBeGreaterThan(0); // the kill really landed mid-write
    await Registry.open(root).withLock(async () => undefined, { timeoutMs: 1000 });
    const left = await readdir(join(root, "zones"));
    expect(left.filter((n) => TEMP_FILE.test(n))).toEqual([]);
  }, 120_000);

  it("takes over the lock of a holder killed with SIGKILL, naming it", async () => {
    const root = await registryWith({});
    const { child, done } = run(["hold-lock", root]);
    const line = await firstLine(child);
    expect(line).toBe(`locked ${child.pid}`);
    const err = await acquireLock(root, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockedError);
    expect((err as LockedError).holder?.pid).toBe(child.pid);
    child.kill("SIGKILL");
    await done;
    await sleep(10);
    const notes: string[] = [];
    const lock = await acquireLock(root, { timeoutMs: 1000, onNote: (m) => notes.push(m) });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      new RegExp(
        `^took over the registry lock of process ${child.pid} on .*: that process is gone$`,
      ),
    );
    await lock.release();
    expect(await readFile(join(root, ".zmgr.lock"), "utf8").catch(() => "gone")).toBe("gone");
  }, 30_000);
});
