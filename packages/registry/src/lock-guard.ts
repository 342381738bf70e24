import { readFile, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { isProcessAlive } from "./lock-file.js";

/** A guard older than this is left over from a crash (it is held for microseconds). */
const GUARD_STALE_MS = 10_000;

/**
 * Runs `fn` holding `<lock>.guard`, a short-lived O_EXCL file that serialises the only two
 * operations that delete the lock file: release and takeover. Each re-reads the lock under the
 * guard and deletes it only if it is still the lock it meant, so two waiters judging the same
 * dead lock cannot both "take it over", and a release never removes another process's lock.
 */
export async function withGuard<T>(
  lockPath: string,
  fn: (removeLock: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const guard = `${lockPath}.guard`;
  const host = hostname();
  let delay = 1;
  for (;;) {
    try {
      await writeFile(guard, JSON.stringify({ pid: process.pid, host }), { flag: "wx" });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    if (await guardIsStale(guard, host)) {
      await unlink(guard).catch(() => {});
      continue;
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 50);
  }
  try {
    return await fn(async () => {
      await unlink(lockPath).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== "ENOENT") throw err;
      });
    });
  } finally {
    await unlink(guard).catch(() => {});
  }
}

async function guardIsStale(guard: string, host: string): Promise<boolean> {
  try {
    const st = await stat(guard);
    if (Date.now() - st.mtimeMs > GUARD_STALE_MS) return true;
    const owner = JSON.parse(await readFile(guard, "utf8")) as { pid?: number; host?: string };
    return owner.host === host && typeof owner.pid === "number" && !isProcessAlive(owner.pid);
  } catch {
    return false; // gone (retry at once) or half-written (young: wait)
  }
}
