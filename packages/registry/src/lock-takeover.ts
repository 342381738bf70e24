import { createHash } from "node:crypto";
import { link, readdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { type LockInfo, type LockState, readLockFile, sameLock } from "./lock-file.js";
import { type ProcessProbe, processGone, sameMachine } from "./process-probe.js";

/** Who judges: this process's machine and how it probes processes. */
export interface Judge {
  host: string;
  hostId: string | undefined;
  probe: ProcessProbe;
  staleMs: number;
  nowMs: number;
}

/**
 * Why a lock is stale (SPEC §3.5), or undefined while it is not: (a) its holder is on this
 * machine and that process (pid + start time) is gone, or (b) it was not refreshed for staleMs.
 */
export function staleReason(state: LockState, judge: Judge): string | undefined {
  const { info } = state;
  if (info && sameMachine(info, judge) && processGone(judge.probe, info.pid, info.start)) {
    return "that process is gone";
  }
  const age = judge.nowMs - state.refreshedMs;
  if (age > judge.staleMs) return `not refreshed for ${Math.round(age / 1000)} s`;
  return undefined;
}

/** Lock files moved or linked aside: a takeover's claim, a release in progress. */
export const MOVED_FILE = /^\.zmgr\.lock\.(stale|release)-[0-9a-f]{24}$/;

/** `.zmgr.lock.stale-<token of the lock judged stale>` (hashed when not one of our tokens). */
export function claimName(lockPath: string, judged: LockState): string {
  const token = judged.info?.token;
  const id =
    token !== undefined && /^[0-9a-f]{24}$/.test(token)
      ? token
      : createHash("sha256")
          .update(token ?? judged.text)
          .digest("hex")
          .slice(0, 24);
  return `${lockPath}.stale-${id}`;
}

export type TakeoverResult = "taken" | "claimed" | "changed" | "gone";

export interface TakeoverOptions {
  /** A claim older than this was left by a taker that died mid-takeover: it is broken. */
  abandonedMs: number;
  /** Test hook: runs between the claim and its read-back. */
  afterClaim?: (() => Promise<void>) | undefined;
}

/**
 * Takes over the lock judged stale. The claim: link(2) the lock to
 * `.zmgr.lock.stale-<its token>` (EEXIST: another waiter is taking the same lock over, so of
 * several waiters exactly one goes on), then read the claim back: if it holds another token
 * than the one judged stale, the lock changed meanwhile; drop the claim and keep waiting.
 * Otherwise our record is renamed over the lock: the lock path is never empty during a
 * takeover, so no third process can slip a lock in that the takeover would then displace.
 */
export async function takeOver(
  lockPath: string,
  judged: LockState,
  me: LockInfo,
  opts: TakeoverOptions,
): Promise<TakeoverResult> {
  const claim = claimName(lockPath, judged);
  try {
    await link(lockPath, claim);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "gone";
    if (code !== "EEXIST") throw err;
    await breakAbandoned(claim, opts.abandonedMs);
    return "claimed";
  }
  try {
    await opts.afterClaim?.();
    const back = await readLockFile(claim);
    if (back === undefined || !sameLock(back, judged)) return "changed";
    // the lock is still the very file we claimed: replace it with ours in one rename(2)
    const [c, l] = await Promise.all([stat(claim), stat(lockPath).catch(() => undefined)]);
    if (l === undefined || c.ino !== l.ino || c.dev !== l.dev) return "changed";
    const tmp = `${lockPath}.${me.token}.tmp`;
    await writeFile(tmp, `${JSON.stringify(me)}\n`, { flag: "w", mode: 0o644 });
    try {
      await rename(tmp, lockPath);
    } catch (err) {
      await unlink(tmp).catch(() => {});
      throw err;
    }
    return "taken";
  } finally {
    await unlink(claim).catch(() => {});
  }
}

/** A claim lives for microseconds; one older than `abandonedMs` (by its ctime) is removed. */
async function breakAbandoned(claim: string, abandonedMs: number): Promise<void> {
  const st = await stat(claim).catch(() => undefined);
  if (st !== undefined && Date.now() - st.ctimeMs > abandonedMs) {
    await unlink(claim).catch(() => {});
  }
}

/** link(moved → lock), then drop the extra name; false when another lock took the place. */
export async function putBack(lockPath: string, moved: string): Promise<boolean> {
  try {
    await link(moved, lockPath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // ENOENT: the holder already put its lock back itself (recoverMoved) and removed this name
    if (code === "ENOENT") return true;
    if (code !== "EEXIST") throw err;
    // The place is taken: by the very file (its holder put it back itself) or by a new lock.
    const [a, b] = await Promise.all([stat(moved), stat(lockPath)]).catch(() => [null, null]);
    await unlink(moved).catch(() => {});
    return a !== null && b !== null && a.ino === b.ino && a.dev === b.dev;
  }
  await unlink(moved).catch(() => {});
  return true;
}

/**
 * A holder that finds no lock looks for its record in a releaser's `.zmgr.lock.release-*` file
 * (a process that lost its lock, releasing, moved ours aside) and puts it back itself.
 * True when the lock at `lockPath` is ours afterwards.
 */
export async function recoverMoved(lockPath: string, me: LockInfo): Promise<boolean> {
  const dir = dirname(lockPath);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const n of names.filter((x) => MOVED_FILE.test(x) && x.startsWith(basename(lockPath)))) {
    const state = await readLockFile(join(dir, n)).catch(() => undefined);
    if (state?.info?.token !== me.token) continue;
    if (n.includes(".stale-")) continue; // a claim: a link, the lock itself is still in place
    await putBack(lockPath, join(dir, n)).catch(() => false);
  }
  const now = await readLockFile(lockPath).catch(() => undefined);
  return now?.info?.token === me.token;
}
