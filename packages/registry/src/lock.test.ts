import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deadPid, tempDir } from "../test/tmp.js";
import { LockedError, LockLostError, RegistryNotFoundError } from "./errors.js";
import { acquireLock } from "./lock.js";

/** Lets every other pending acquirer run `n` turns while this one holds the lock. */
const yieldTurns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

const lockInfo = (pid: number, host: string, token = "t0") =>
  JSON.stringify({ pid, host, since: "2026-11-24T10:00:00.000Z", token });

describe("registry lock", () => {
  it("records pid, host and start time, and release is idempotent", async () => {
    const root = await tempDir();
    const lock = await acquireLock(root, { timeoutMs: 1000 });
    const info = JSON.parse(await readFile(join(root, ".zmgr.lock"), "utf8"));
    expect(info).toMatchObject({ pid: process.pid, host: hostname(), since: lock.holder.since });
    await lock.release();
    await lock.release();
    expect(await readdir(root)).toEqual([]);
  });

  it("times out naming the holder, with a help line", async () => {
    const root = await tempDir();
    const held = await acquireLock(root, { timeoutMs: 1000, pid: process.pid, host: "h1" });
    const err = await acquireLock(root, { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockedError);
    const locked = err as LockedError;
    expect(locked.code).toBe("zmgr::registry::locked");
    expect(locked.message).toContain(`process ${process.pid} on h1 (since ${held.holder.since})`);
    expect(locked.help).toMatch(/--lock-timeout/);
    expect(locked.holder).toEqual(held.holder);
    await held.release();
  });

  it("hands the lock to a waiter once the holder releases it", async () => {
    const root = await tempDir();
    const first = await acquireLock(root, { timeoutMs: 1000 });
    // The waiter's own sleep tells us it found the lock held; only then is it released.
    let sawHeld!: () => void;
    const waited = new Promise<void>((resolve) => {
      sawHeld = resolve;
    });
    const waiting = acquireLock(
      root,
      { timeoutMs: 5000 },
      {
        sleep: async () => {
          sawHeld();
          await new Promise((r) => setImmediate(r));
        },
      },
    );
    await waited;
    await first.release();
    const second = await waiting;
    await second.release();
  });

  it("lets exactly one of many concurrent acquirers in at a time", async () => {
    const root = await tempDir();
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        const lock = await acquireLock(root, { timeoutMs: 10_000 });
        inside++;
        most = Math.max(most, inside);
        await yieldTurns(5);
        inside--;
        await lock.release();
      }),
    );
    expect(most).toBe(1);
  });

  it("takes over the lock of a dead process on this host, with a note", async () => {
    const root = await tempDir();
    const pid = await deadPid();
    await writeFile(join(root, ".zmgr.lock"), lockInfo(pid, hostname()));
    const notes: string[] = [];
    const lock = await acquireLock(root, { timeoutMs: 1000, onNote: (m) => notes.push(m) });
    expect(notes).toEqual([
      `took over the registry lock of process ${pid} on ${hostname()} (since 2026-11-24T10:00:00.000Z): that process is gone`,
    ]);
    expect(JSON.parse(await readFile(join(root, ".zmgr.lock"), "utf8")).pid).toBe(process.pid);
    await lock.release();
  });

  it("does not judge a pid from another host: it waits until the lock is stale", async () => {
    const root = await tempDir();
    await writeFile(join(root, ".zmgr.lock"), lockInfo(await deadPid(), "elsewhere"));
    await expect(acquireLock(root, { timeoutMs: 100 })).rejects.toBeInstanceOf(LockedError);
  });

  it("takes over a lock not refreshed for 60 s (injected clock), but not one of 30 s", async () => {
    const root = await tempDir();
    await writeFile(join(root, ".zmgr.lock"), lockInfo(process.pid, "elsewhere"));
    const mtime = (await stat(join(root, ".zmgr.lock"))).mtimeMs;
    const at = (s: number) => () => new Date(mtime + s * 1000);
    await expect(acquireLock(root, { timeoutMs: 100 }, { now: at(30) })).rejects.toThrow(
      /locked by process/,
    );
    const notes: string[] = [];
    const lock = await acquireLock(
      root,
      { timeoutMs: 100, onNote: (m) => notes.push(m) },
      { now: at(61) },
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/on elsewhere .*: not refreshed for 61 s$/);
    await lock.release();
  });

  it("keeps its own lock fresh while held", async () => {
    const root = await tempDir();
    const path = join(root, ".zmgr.lock");
    let tick: () => Promise<void> = async () => {};
    let period = 0;
    const lock = await acquireLock(
      root,
      { timeoutMs: 100 },
      {
        refreshMs: 20,
        setInterval: (fn, ms) => {
          tick = fn;
          period = ms;
          return 1;
        },
        clearInterval: () => {},
      },
    );
    expect(period).toBe(20);
    const old = new Date(Date.now() - 120_000);
    await utimes(path, old, old);
    await tick(); // one refresh period passes
    expect(Date.now() - (await stat(path)).mtimeMs).toBeLessThan(5_000);
    await lock.assertHeld();
    await lock.release();
  });

  it("never removes a lock that another process has taken over, and says it was lost", async () => {
    const root = await tempDir();
    const path = join(root, ".zmgr.lock");
    const lock = await acquireLock(root, { timeoutMs: 100 });
    await writeFile(path, lockInfo(process.pid, "other-host", "someone-else"));
    const err = await lock.release().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockLostError);
    expect((err as LockLostError).code).toBe("zmgr::registry::lock_lost");
    expect((err as LockLostError).help).toMatch(/run the command again/);
    expect(JSON.parse(await readFile(path, "utf8")).token).toBe("someone-else");
    expect(await readdir(root)).toEqual([".zmgr.lock"]);
  });

  it("fails every check after a refresh that failed, even once the lock looks fine again", async () => {
    const root = await tempDir();
    const path = join(root, ".zmgr.lock");
    let tick: () => Promise<void> = async () => {};
    const lock = await acquireLock(
      root,
      { timeoutMs: 100 },
      {
        setInterval: (fn) => {
          tick = fn;
          return 1;
        },
        clearInterval: () => {},
      },
    );
    await lock.assertHeld();
    const mine = await readFile(path, "utf8");
    await rm(path);
    await mkdir(path); // reading it now fails (EISDIR)
    await tick(); // the refresh fails
    await rm(path, { recursive: true });
    await writeFile(path, mine); // the same lock, back in place
    await expect(lock.assertHeld()).rejects.toMatchObject({ code: "zmgr::registry::lock_lost" });
    await expect(lock.release()).rejects.toBeInstanceOf(LockLostError);
  });

  it("reports how long the lock was held at release", async () => {
    const root = await tempDir();
    let t = 1000;
    const held: number[] = [];
    const lock = await acquireLock(
      root,
      { timeoutMs: 100, onHeld: (ms) => held.push(ms) },
      { monotonicMs: () => t },
    );
    t = 1042;
    await lock.release();
    expect(held).toEqual([42]);
  });

  it("lets only one of two waiters take over the same dead lock", async () => {
    const root = await tempDir();
    await writeFile(join(root, ".zmgr.lock"), lockInfo(await deadPid(), hostname()));
    let inside = 0;
    let most = 0;
    const notes: string[] = [];
    await Promise.all(
      [1, 2, 3].map(async () => {
        const lock = await acquireLock(root, { timeoutMs: 5000, onNote: (m) => notes.push(m) });
        inside++;
        most = Math.max(most, inside);
        await yieldTurns(20);
        inside--;
        await lock.release();
      }),
    );
    expect(most).toBe(1);
    expect(notes).toHaveLength(1);
  });

  it("judges a live pid with another recorded start time gone, but not one with its own", async () => {
    const root = await tempDir();
    const path = join(root, ".zmgr.lock");
    const probe = { isAlive: () => true, startOf: () => "linux:boot:100" };
    const mine = (start: string) =>
      JSON.stringify({ pid: 4242, host: "h", hostId: "m1", since: "x", token: "t", start });
    const deps = { probe, hostId: "m1", host: "h" };
    await writeFile(path, mine("linux:boot:100"));
    await expect(acquireLock(root, { timeoutMs: 50 }, deps)).rejects.toBeInstanceOf(LockedError);
    await writeFile(path, mine("linux:boot:99"));
    const notes: string[] = [];
    const lock = await acquireLock(root, { timeoutMs: 1000, onNote: (m) => notes.push(m) }, deps);
    expect(notes).toEqual([
      "took over the registry lock of process 4242 on h (since x): that process is gone",
    ]);
    await lock.release();
  });

  it("judges by host id, not host name, when both sides have one", async () => {
    const root = await tempDir();
    const path = join(root, ".zmgr.lock");
    const probe = { isAlive: () => false, startOf: () => undefined };
    // same name, another machine (a cloned VM): its pid cannot be judged from here
    await writeFile(
      path,
      JSON.stringify({ pid: 7, host: "h", hostId: "other", since: "x", token: "t" }),
    );
    const deps = { probe, hostId: "m1", host: "h" };
    await expect(acquireLock(root, { timeoutMs: 50 }, deps)).rejects.toBeInstanceOf(LockedError);
    await writeFile(
      path,
      JSON.stringify({ pid: 7, host: "h2", hostId: "m1", since: "x", token: "t" }),
    );
    const lock = await acquireLock(root, { timeoutMs: 1000 }, deps); // renamed host, same machine
    await lock.release();
  });

  it("releases without error after the registry directory itself was removed", async () => {
    const root = await tempDir();
    const lock = await acquireLock(root, { timeoutMs: 100 });
    await rm(root, { recursive: true });
    await expect(lock.release()).resolves.toBeUndefined();
  });

  it("fails with not_found when the registry root does not exist", async () => {
    const root = join(await tempDir(), "missing");
    const err = await acquireLock(root, { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryNotFoundError);
    expect((err as RegistryNotFoundError).help).toContain("zmgr init");
  });
});
