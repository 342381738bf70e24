import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { LockedError, type LockHolder } from "./errors.js";
import { toStorageError } from "./fs-errors.js";
import {
  createLockFile,
  type LockInfo,
  type LockState,
  newToken,
  readLockFile,
} from "./lock-file.js";
import { holdLock } from "./lock-hold.js";
import { type Judge, staleReason, takeOver } from "./lock-takeover.js";
import { machineId, type ProcessProbe, probeOf } from "./process-probe.js";
import type { LockHandle, LockOptions } from "./storage.js";
import { LOCK_FILE } from "./storage.js";

export interface LockDeps {
  now?: () => Date;
  /** How processes are judged alive (pid + start time); default: this machine's /proc. */
  probe?: ProcessProbe;
  /** Liveness by pid only (tests with made-up pids); ignored when `probe` is given. */
  isAlive?: (pid: number) => boolean;
  host?: string;
  /** Stable id of this machine; null: none (judged by host name). Default `/etc/machine-id`. */
  hostId?: string | null;
  pid?: number;
  /** A lock not refreshed for this long is stale (default `$ZMGR_LOCK_STALE_MS`, else 60 s). */
  staleMs?: number;
  /** How often a holder refreshes its lock (default 10 s, at most a sixth of staleMs). */
  refreshMs?: number;
  env?: Record<string, string | undefined>;
  sleep?: (ms: number) => Promise<void>;
  setInterval?: (fn: () => Promise<void>, ms: number) => unknown;
  clearInterval?: (timer: unknown) => void;
  monotonicMs?: () => number;
  /** Test hook: runs between a takeover's claim (link) and its read-back. */
  afterTakeoverClaim?: () => Promise<void>;
}

export const DEFAULT_STALE_MS = 60_000;
export const DEFAULT_REFRESH_MS = 10_000;

/** `$ZMGR_LOCK_STALE_MS` when it is a positive whole number, else 60 s. */
export function staleMsFrom(env: Record<string, string | undefined>): number {
  const v = env.ZMGR_LOCK_STALE_MS;
  return v !== undefined && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : DEFAULT_STALE_MS;
}

/**
 * Takes the registry lock `<root>/.zmgr.lock` (SPEC §3.5): creates it whole and exclusively,
 * or waits with backoff up to `opts.timeoutMs`, taking over a stale lock (rename, read back, put
 * back with link(2) when it was not the lock judged stale). The handle refreshes the lock and
 * checks its token before every write and at release.
 */
export function acquireLock(
  root: string,
  opts: LockOptions,
  deps: LockDeps = {},
): Promise<LockHandle> {
  return acquireLockFile(join(root, LOCK_FILE), opts, deps);
}

/**
 * The same lock on any path (`@zmgr/registry/lock`): the one lock implementation of zmgr, also
 * used by the simulator for its state file (`<state>.lock`). Fails with `LockedError` after
 * `opts.timeoutMs`; file-system errors are judged against the lock's directory.
 */
export async function acquireLockFile(
  path: string,
  opts: LockOptions,
  deps: LockDeps = {},
): Promise<LockHandle> {
  const root = dirname(path);
  const now = deps.now ?? (() => new Date());
  const probe = probeOf(deps);
  const staleMs = deps.staleMs ?? staleMsFrom(deps.env ?? process.env);
  const wait = deps.sleep ?? ((ms: number) => sleep(ms));
  const hostId = deps.hostId === undefined ? machineId() : (deps.hostId ?? undefined);
  const pid = opts.pid ?? deps.pid ?? process.pid;
  const me: LockInfo = {
    pid,
    host: opts.host ?? deps.host ?? hostname(),
    since: now().toISOString(),
    token: newToken(),
  };
  if (hostId !== undefined) me.hostId = hostId;
  const start = probe.startOf(pid);
  if (start !== undefined) me.start = start;
  const judge = (): Judge => ({ host: me.host, hostId, probe, staleMs, nowMs: now().getTime() });
  const monotonicMs = deps.monotonicMs ?? (() => performance.now());
  const began = monotonicMs();
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
    const why = staleReason(state, judge());
    if (why !== undefined) {
      const result = await takeOver(path, state, me, {
        abandonedMs: Math.min(staleMs / 2, 5_000),
        afterClaim: deps.afterTakeoverClaim,
      }).catch((err: unknown) => {
        throw toStorageError(err, path, "write", root);
      });
      if (result === "taken") {
        opts.onNote?.(`took over the registry lock of ${describe(state)}: ${why}`);
        break;
      }
      if (result === "gone") continue;
    }
    const waited = monotonicMs() - began;
    if (waited >= opts.timeoutMs) throw new LockedError(path, holderOf(state), waited);
    await wait(Math.min(delay * (0.75 + Math.random() / 2), opts.timeoutMs - waited));
    delay = Math.min(delay * 1.6, 250);
  }
  return holdLock(path, me, {
    refreshMs: deps.refreshMs ?? Math.min(DEFAULT_REFRESH_MS, staleMs / 6),
    setInterval: deps.setInterval ?? ((fn, ms) => setInterval(() => void fn(), ms)),
    clearInterval:
      deps.clearInterval ?? ((t) => clearInterval(t as ReturnType<typeof setInterval>)),
    monotonicMs,
    ...(opts.onHeld ? { onHeld: opts.onHeld } : {}),
  });
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
