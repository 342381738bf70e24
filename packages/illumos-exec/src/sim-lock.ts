import { link, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { ZmgrError } from "@zmgr/errors";

/** Another process held the simulator state lock for longer than the wait allows. */
export class SimLockTimeoutError extends ZmgrError {
  constructor(lockFile: string, holder: string, waitedMs: number) {
    super(
      "zmgr::sim::locked",
      `the simulator state is locked by ${holder} (waited ${waitedMs} ms)`,
      {
        help: `if no simulator command is running, delete ${lockFile}`,
        details: { lockFile, holder },
      },
    );
  }
}

export interface LockDeps {
  pid?: number;
  isAlive?: (pid: number) => boolean;
  /** Default 30 s (zmgr-sim: `$ZMGR_SIM_LOCK_TIMEOUT_MS`, for load tests with many processes). */
  timeoutMs?: number;
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Take `<lockFile>` with O_EXCL, recording `{ pid, host, since }`. A lock whose pid is dead (same
 * host) is taken over; otherwise wait up to `timeoutMs`. Returns the release function.
 */
export async function acquireLock(
  lockFile: string,
  deps: LockDeps = {},
): Promise<() => Promise<void>> {
  const pid = deps.pid ?? process.pid;
  const isAlive = deps.isAlive ?? pidAlive;
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const host = hostname();
  const start = Date.now();
  let delay = 2;
  for (;;) {
    // The record is written to a private file first and linked into place: the lock never
    // exists without its content, so a taker descheduled mid-write is never judged dead.
    const mine = `${lockFile}.${pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(mine, JSON.stringify({ pid, host, since: new Date().toISOString() }));
    try {
      await link(mine, lockFile);
      return async () => {
        await unlink(lockFile).catch(() => undefined);
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    } finally {
      await unlink(mine).catch(() => undefined);
    }
    let holder = "an unknown process";
    try {
      const text = await readFile(lockFile, "utf8");
      const info = JSON.parse(text) as { pid?: number; host?: string };
      holder = `pid ${info.pid} on ${info.host}`;
      if (typeof info.pid === "number" && info.host === host && !isAlive(info.pid)) {
        await takeOver(lockFile, text, pid);
        continue;
      }
    } catch {
      // Just removed (or damaged): look again shortly. An unreadable lock older than 5 s is
      // taken over.
      const st = await stat(lockFile).catch(() => undefined);
      if (st && Date.now() - st.mtimeMs > 5_000) {
        await takeOver(lockFile, await readFile(lockFile, "utf8").catch(() => ""), pid);
        continue;
      }
    }
    if (Date.now() - start >= timeoutMs)
      throw new SimLockTimeoutError(lockFile, holder, Date.now() - start);
    await sleep(delay);
    delay = Math.min(delay * 2, 50);
  }
}

/**
 * Remove a dead holder's lock without racing another taker: move it aside, and if what was moved
 * is not the stale lock we judged (someone took over first), put it back.
 */
async function takeOver(lockFile: string, staleText: string, pid: number): Promise<void> {
  const aside = `${lockFile}.stale.${pid}.${Math.random().toString(36).slice(2)}`;
  try {
    await rename(lockFile, aside);
  } catch {
    return;
  }
  const moved = await readFile(aside, "utf8").catch(() => staleText);
  if (moved !== staleText) await link(aside, lockFile).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}
