import { readFile, rename, stat, unlink, utimes } from "node:fs/promises";
import { dirname } from "node:path";
import { LockLostError } from "./errors.js";
import { type LockInfo, readLockFile } from "./lock-file.js";
import { putBack, recoverMoved } from "./lock-takeover.js";
import type { LockHandle } from "./storage.js";

export interface HoldDeps {
  refreshMs: number;
  /** Runs `fn` every `ms` (the refresh; its promise settles when that refresh is done). */
  setInterval: (fn: () => Promise<void>, ms: number) => unknown;
  clearInterval: (timer: unknown) => void;
  /** Milliseconds on a monotonic clock, for `onHeld`. */
  monotonicMs: () => number;
  onHeld?: (ms: number) => void;
}

/**
 * The lock while held: refreshed every `refreshMs`, its token checked before every write
 * (`assertHeld`) and at release. A failed refresh is not swallowed: the lock may be lost, so
 * every later check fails with LockLostError.
 */
export function holdLock(path: string, me: LockInfo, deps: HoldDeps): LockHandle {
  const since = deps.monotonicMs();
  let released = false;
  let lost: LockLostError | undefined;
  const loseWith = (why: string, cause?: unknown) => {
    lost ??= new LockLostError(path, why, cause);
    return lost;
  };
  const check = async (): Promise<void> => {
    if (lost) throw lost;
    let current: Awaited<ReturnType<typeof readLockFile>>;
    try {
      current = await readLockFile(path);
    } catch (err) {
      throw loseWith("it could not be read", err);
    }
    if (current?.info?.token === me.token) return;
    if (current === undefined && (await recoverMoved(path, me))) return;
    const by = current?.info ? `process ${current.info.pid} on ${current.info.host}` : undefined;
    throw loseWith(by ? `it was taken over by ${by}` : "it is gone");
  };
  const refresh = async (): Promise<void> => {
    if (released || lost) return;
    try {
      await check();
      const t = new Date();
      await utimes(path, t, t);
    } catch (err) {
      if (!(err instanceof LockLostError)) loseWith("refreshing it failed", err);
    }
  };
  const timer = deps.setInterval(refresh, deps.refreshMs);
  (timer as { unref?: () => void }).unref?.();
  return {
    holder: { pid: me.pid, host: me.host, since: me.since },
    token: me.token,
    assertHeld: check,
    async release() {
      if (released) return;
      released = true;
      deps.clearInterval(timer);
      deps.onHeld?.(Math.round(deps.monotonicMs() - since));
      await releaseLock(path, me, lost);
    },
  };
}

/**
 * Release = the takeover protocol on our own lock: rename it away, read back, delete it if it
 * is ours, else put it back (it is someone else's) and report that ours was lost.
 */
async function releaseLock(path: string, me: LockInfo, lost?: LockLostError): Promise<void> {
  const moved = `${path}.release-${me.token}`;
  try {
    await rename(path, moved);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw err;
    if (await dirGone(dirname(path))) return; // the registry itself was removed: so was the lock
    if (lost) throw lost;
    if (await recoverMoved(path, me)) return releaseLock(path, me);
    throw new LockLostError(path, "it was gone at release");
  }
  let text: string;
  try {
    text = await readFile(moved, "utf8");
  } catch {
    // swept by the next holder, which sweeps only files that are not its own lock: it was ours
    if (lost) throw lost;
    return;
  }
  let token: string | undefined;
  try {
    token = (JSON.parse(text) as { token?: string }).token;
  } catch {
    token = undefined;
  }
  if (token === me.token) {
    await unlink(moved).catch(() => {});
    // a claim on our lock left by a waiter killed mid-takeover is ours to clear
    await unlink(`${path}.stale-${me.token}`).catch(() => {});
    if (lost) throw lost;
    return;
  }
  await putBack(path, moved);
  throw lost ?? new LockLostError(path, "another process held it at release");
}

async function dirGone(dir: string): Promise<boolean> {
  return stat(dir).then(
    () => false,
    (err: NodeJS.ErrnoException) => err.code === "ENOENT",
  );
}
