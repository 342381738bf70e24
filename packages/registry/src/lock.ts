import { utimes } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { LockedError, type LockHolder } from "./errors.js";
import { toStorageError } from "./fs-errors.js";
import {
  createLockFile,
  isProcessAlive,
  type LockInfo,
  type LockState,
  newToken,
  readLockFile,
} from "./lock-file.js";
import { withGuard } from "./lock-guard.js";
import type { LockHandle, LockOptions } from "./storage.js";
import { LOCK_FILE } from "./storage.js";

export interface LockDeps {
  now?: () => Date;
  isAlive?: (pid: number) => boolean;
  host?: string;
  pid?: number;
  /** A lock not refreshed for this long is taken over (default 60 s). */
  staleMs?: number;
  /** How often a holder refreshes its lock (default a quarter of staleMs). */
  refreshMs?: number;
}

const DEFAULT_STALE_MS = 60_000;

/**
 * Takes the registry lock `<root>/.zmgr.lock` (SPEC §3.5): waits with backoff up to
 * `opts.timeoutMs`, takes over the lock of a dead holder (same host, pid gone) or one not
 * refreshed for `staleMs`, and keeps its own lock fresh while held.
 */
export async function acquireLock(
  root: string,
  opts: LockOptions,
  deps: LockDeps = {},
): Promise<LockHandle> {
  const path = join(root, LOCK_FILE);
  const now = deps.now ?? (() => new Date());
  const isAlive = deps.isAlive ?? isProcessAlive;
  const staleMs = deps.staleMs ?? DEFAULT_STALE_MS;
  const me: LockInfo = {
    pid: opts.pid ?? deps.pid ?? process.pid,
    host: opts.host ?? deps.host ?? hostname(),
    since: now().toISOString(),
    token: newToken(),
  };
  const started = performance.now();
  let delay = 5;
  for (;;) {
    let state: LockState | undefined;
    me.since = now().toISOString(); // the time we got it, not the time we started waiting
    try {
      if (await createLockFile(path, me)) break;
      state = await readLockFile(path);
    } catch (err) {
      throw toStorageError(err, path, "write", root);
    }
    if (state === undefined) continue; // released between our attempt and our look
    const why = takeoverReason(state, me.host, now().getTime(), staleMs, isAlive);
    if (why !== undefined) {
      if (await takeOver(path, state, now().getTime(), staleMs, isAlive, me.host)) {
        opts.onNote?.(`took over the registry lock of ${describe(state)}: ${why}`);
      }
      continue;
    }
    const waited = performance.now() - started;
    if (waited >= opts.timeoutMs) throw new LockedError(path, holderOf(state), waited);
    await sleep(Math.min(delay * (0.75 + Math.random() / 2), opts.timeoutMs - waited));
    delay = Math.min(delay * 1.6, 250);
  }
  return holdLock(path, me, deps.refreshMs ?? staleMs / 4);
}

function takeoverReason(
  state: LockState,
  host: string,
  nowMs: number,
  staleMs: number,
  isAlive: (pid: number) => boolean,
): string | undefined {
  const { info } = state;
  if (info && info.host === host && !isAlive(info.pid)) return "that process is gone";
  const age = nowMs - state.refreshedMs;
  if (age > staleMs) return `not refreshed for ${Math.round(age / 1000)} s`;
  return undefined;
}

/** Removes a lock judged stale, under the guard, only if it is still the very lock we judged. */
async function takeOver(
  path: string,
  seen: LockState,
  nowMs: number,
  staleMs: number,
  isAlive: (pid: number) => boolean,
  host: string,
): Promise<boolean> {
  return withGuard(path, async (remove) => {
    const current = await readLockFile(path);
    if (current === undefined) return false;
    const same = (current.info?.token ?? null) === (seen.info?.token ?? null);
    const stillStale = takeoverReason(current, host, nowMs, staleMs, isAlive) !== undefined;
    if (!same || !stillStale) return false;
    await remove();
    return true;
  });
}

function holdLock(path: string, me: LockInfo, refreshMs: number): LockHandle {
  let released = false;
  const timer = setInterval(() => {
    void refresh(path, me).catch(() => {});
  }, refreshMs);
  timer.unref();
  return {
    holder: { pid: me.pid, host: me.host, since: me.since },
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      try {
        await withGuard(path, async (remove) => {
          const current = await readLockFile(path);
          if (current?.info?.token === me.token) await remove();
          return true;
        });
      } catch (err) {
        // The registry directory itself is gone: so is the lock. Anything else is real.
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      }
    },
  };
}

/** Touches the lock (real time, like the file system's own mtime) if it is still ours. */
async function refresh(path: string, me: LockInfo): Promise<void> {
  const current = await readLockFile(path);
  if (current?.info?.token !== me.token) return;
  const t = new Date();
  await utimes(path, t, t);
}

function holderOf(state: LockState): LockHolder | undefined {
  if (state.info === undefined) return undefined;
  const { pid, host, since } = state.info;
  return { pid, host, since };
}

function describe(state: LockState): string {
  const i = state.info;
  return i ? `process ${i.pid} on ${i.host} (since ${i.since})` : "an unknown holder";
}
