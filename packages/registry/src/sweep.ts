import { readdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import { TEMP_FILE } from "./atomic-write.js";
import { readLockFile } from "./lock-file.js";
import { type Judge, MOVED_FILE, staleReason } from "./lock-takeover.js";
import { KIND_DIRS } from "./storage.js";

/** A waiter's lock record before it is linked into place (see lock-file.ts). */
const LOCK_TEMP = /^\.zmgr\.lock\.[0-9a-f]{24}\.tmp$/;
/** A takeover's claim or a release in progress (lock-takeover.ts, lock-hold.ts). */
const LOCK_MOVED = MOVED_FILE;

export interface SweepOptions {
  /** The token of the lock the sweeper holds: a moved lock with it is being put back. */
  token?: string;
  /** Judges the writers: a temp file is swept only when its writer is gone from this machine. */
  judge: Judge;
}

/**
 * Removes what a zmgr process killed mid-write leaves behind, and nothing else: temp files
 * `.<name>.kdl.zmgr-<pid>-<random>` whose writer (pid on this machine) is gone; a waiter's lock
 * record whose waiter is gone; locks moved away by a taker or releaser that are not the
 * sweeper's own (under the lock nobody else's can be live). Call it only holding the lock.
 * Every removal is returned (paths relative to the root) so the caller can say what it removed.
 */
export async function sweepTempFiles(root: string, opts: SweepOptions): Promise<string[]> {
  const removed: string[] = [];
  const drop = (rel: string) =>
    unlink(join(root, rel)).then(
      () => removed.push(rel),
      () => {},
    );
  for (const n of await readdir(root).catch(() => [] as string[])) {
    if (!LOCK_TEMP.test(n) && !LOCK_MOVED.test(n)) continue;
    const state = await readLockFile(join(root, n)).catch(() => undefined);
    if (state === undefined) continue;
    if (LOCK_MOVED.test(n) && state.info?.token !== opts.token) await drop(n);
    else if (LOCK_TEMP.test(n) && staleReason(state, opts.judge) !== undefined) await drop(n);
  }
  for (const sub of Object.values(KIND_DIRS)) {
    for (const n of await readdir(join(root, sub)).catch(() => [] as string[])) {
      const m = TEMP_FILE.exec(n);
      if (m && !opts.judge.probe.isAlive(Number(m[2]))) await drop(`${sub}/${n}`);
    }
  }
  return removed;
}
