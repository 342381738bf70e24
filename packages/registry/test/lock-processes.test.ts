// The lock's fencing with real OS processes (SPEC §3.5): the worker (test/worker.ts) is bundled
// from source once and run with plain `node`. Processes coordinate through their stdin/stdout
// pipes and signals, never through sleeps; staleness is shortened with ZMGR_LOCK_STALE_MS.
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLock, machineId, Registry } from "../src/index.js";
import { bundleWorker } from "./bundle.js";
import { registryWith } from "./registry-fixture.js";
import { runWorker } from "./spawn.js";
import { deadPid } from "./tmp.js";

let bundleDir = "";
let worker = "";

beforeAll(async () => {
  bundleDir = await mkdtemp(join(tmpdir(), "zmgr-lock-worker-"));
  worker = await bundleWorker(bundleDir);
}, 120_000);

afterAll(async () => {
  await rm(bundleDir, { recursive: true, force: true });
});

const record = (fields: Record<string, unknown>) =>
  JSON.stringify({ host: hostname(), since: "2026-12-04T10:00:00.000Z", ...fields });

/** Overlapping holders in an O_APPEND log: every `start` must be closed by its `end` first. */
function overlaps(log: string): string[] {
  const problems: string[] = [];
  let open: string | undefined;
  for (const [i, l] of log.split("\n").filter(Boolean).entries()) {
    const [what, pid] = l.split(" ");
    if (what === "start") {
      if (open !== undefined) problems.push(`line ${i + 1}: ${pid} started while ${open} held`);
      open = pid;
    } else if (what === "end") {
      if (open !== pid) problems.push(`line ${i + 1}: ${pid} ended but ${open ?? "nobody"} held`);
      open = undefined;
    }
  }
  return problems;
}

describe("the registry lock across processes", () => {
  it("200 rounds of 4 processes finding one stale lock: one takeover, one holder at a time", async () => {
    const base = await mkdtemp(join(tmpdir(), "zmgr-lock-rounds-"));
    const log = join(base, "holders.log");
    const env = { ZMGR_LOCK_STALE_MS: "2000" };
    const workers = Array.from({ length: 4 }, () => runWorker(worker, ["rounds", log], env));
    const dead = await deadPid();
    const old = new Date(Date.now() - 60_000);
    try {
      for (let round = 0; round < 200; round++) {
        const dir = join(base, `r${round}`);
        await mkdir(dir);
        // even rounds: a dead holder on this machine; odd rounds: a holder elsewhere, not refreshed
        const stale =
          round % 2 === 0
            ? record({ pid: dead, hostId: machineId(), token: `${round}`.padStart(24, "a") })
            : record({
                pid: 1,
                host: "elsewhere",
                hostId: "x",
                token: `${round}`.padStart(24, "b"),
              });
        await writeFile(join(dir, ".zmgr.lock"), stale);
        if (round % 2 === 1) await utimes(join(dir, ".zmgr.lock"), old, old);
        for (const w of workers) w.send(dir);
        const lines = await Promise.all(workers.map((w) => w.line()));
        const takeovers = lines.map((l) => Number(l.split(" ")[1])).reduce((a, b) => a + b, 0);
        expect({ round, takeovers }).toEqual({ round, takeovers: 1 });
        expect(await readdir(dir)).toEqual([]);
      }
    } finally {
      for (const w of workers) w.child.stdin?.end();
      await Promise.all(workers.map((w) => w.done));
    }
    const text = await readFile(log, "utf8");
    expect(text.split("\n").filter(Boolean)).toHaveLength(200 * 4 * 2);
    expect(overlaps(text)).toEqual([]);
    await rm(base, { recursive: true, force: true });
  }, 120_000);

  it("a holder paused between its read and its write stops with lock_lost; the taker's write stays", async () => {
    const root = await registryWith({ "zones/z.kdl": 'zone "z" { template "oi"; }\n' });
    const env = { ZMGR_LOCK_STALE_MS: "300" };
    const a = runWorker(
      worker,
      ["read-then-write", root, "z", 'zone "z" { template "a"; }\n'],
      env,
    );
    expect(await a.line()).toBe("read");
    a.child.kill("SIGSTOP"); // like Ctrl-Z or a paused VM: no refresh any more
    const b = runWorker(
      worker,
      ["read-then-write", root, "z", 'zone "z" { template "b"; }\n'],
      env,
    );
    expect(await b.line()).toBe("read");
    b.send("go");
    expect(await b.line()).toBe("wrote");
    expect((await b.done).code).toBe(0);
    a.child.kill("SIGCONT");
    a.send("go");
    expect(await a.line()).toBe("failed zmgr::registry::lock_lost");
    expect((await a.done).code).toBe(1);
    expect(await readFile(join(root, "zones/z.kdl"), "utf8")).toBe('zone "z" { template "b"; }\n');
    expect((await readdir(join(root, "zones"))).sort()).toEqual(["z.kdl"]);
  }, 60_000);

  it("recovers from a taker killed between its claim and its read-back", async () => {
    const root = await registryWith({ "zones/z.kdl": 'zone "z" { template "oi"; }\n' });
    const dead = await deadPid();
    await writeFile(join(root, ".zmgr.lock"), record({ pid: dead, token: "d".repeat(24) }));
    const w = runWorker(worker, ["takeover-and-die", root]);
    expect(await w.line()).toBe("claimed");
    expect((await w.done).code).toBe(null); // SIGKILLed
    expect((await readdir(root)).sort()).toEqual([
      ".zmgr.lock",
      `.zmgr.lock.stale-${"d".repeat(24)}`,
      "zones",
    ]);
    const notes: string[] = [];
    await Registry.open(root, { staleMs: 400 }).withLock(async () => undefined, {
      timeoutMs: 10_000,
      onNote: (m) => notes.push(m),
    });
    expect(notes).toEqual([
      expect.stringMatching(new RegExp(`of process ${dead} on .*: that process is gone$`)),
    ]);
    expect((await readdir(root)).sort()).toEqual(["zones"]);
  }, 60_000);

  it("a holder keeps its lock when a taker dies holding a claim on it", async () => {
    const root = await registryWith({});
    const holder = await acquireLock(root, { timeoutMs: 1000 }, { refreshMs: 3_600_000 });
    const old = new Date(Date.now() - 60_000);
    await utimes(join(root, ".zmgr.lock"), old, old); // looks stale to the taker
    const w = runWorker(worker, ["takeover-and-die", root], { ZMGR_LOCK_STALE_MS: "1000" });
    expect(await w.line()).toBe("claimed");
    await w.done;
    await expect(holder.assertHeld()).resolves.toBeUndefined();
    await holder.release();
    expect(await readdir(root)).toEqual(["zones"].filter(() => false));
  }, 60_000);

  it("judges a live pid with another start time gone (a reused pid), and a paused holder stale", async () => {
    const root = await registryWith({});
    const h = runWorker(worker, ["hold-lock", root]);
    expect(await h.line()).toBe(`locked ${h.child.pid}`);
    const path = join(root, ".zmgr.lock");
    const rec = JSON.parse(await readFile(path, "utf8")) as { start?: string };
    expect(rec.start).toMatch(/^linux:.+:\d+$/);
    await writeFile(path, JSON.stringify({ ...rec, start: "linux:another-boot:1" }));
    const notes: string[] = [];
    const lock = await acquireLock(root, { timeoutMs: 2000, onNote: (m) => notes.push(m) });
    expect(notes).toEqual([
      expect.stringMatching(new RegExp(`of process ${h.child.pid} on .*: that process is gone$`)),
    ]);
    await lock.release();
    h.child.kill("SIGKILL");
    await h.done;

    const p = runWorker(worker, ["hold-lock", root], { ZMGR_LOCK_STALE_MS: "300" });
    expect(await p.line()).toBe(`locked ${p.child.pid}`);
    p.child.kill("SIGSTOP");
    const later: string[] = [];
    const taken = await acquireLock(
      root,
      { timeoutMs: 10_000, onNote: (m) => later.push(m) },
      { staleMs: 300 },
    );
    expect(later).toEqual([expect.stringMatching(/: not refreshed for \d+ s$/)]);
    await taken.release();
    p.child.kill("SIGKILL");
    await p.done;
  }, 60_000);
});
