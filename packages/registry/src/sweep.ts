import { readdir, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { KIND_DIRS } from "./storage.js";

/** Temp files of an interrupted atomic write (`<name>.kdl.<uint32>`, write-file-atomic's naming). */
export const TEMP_FILE = /^[^.].*\.kdl\.\d{1,10}$/;

/** A waiter's lock record before it is linked into place (see lock-file.ts). */
const LOCK_TEMP = /^\.zmgr\.lock\.[0-9a-f]{24}\.tmp$/;

/** Lock temp files younger than this may belong to a live waiter (they live for microseconds). */
const LOCK_TEMP_MIN_AGE_MS = 10_000;

/**
 * Deletes what a process killed mid-write leaves behind: temp files of atomic writes in the kind
 * directories, and old lock temp files in the root. Only safe under the registry lock: every zmgr
 * write happens under it, so no such temp file then belongs to a live write.
 */
export async function sweepTempFiles(root: string): Promise<string[]> {
  const removed: string[] = [];
  for (const n of await readdir(root).catch(() => [] as string[])) {
    if (!LOCK_TEMP.test(n)) continue;
    const st = await stat(join(root, n)).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > LOCK_TEMP_MIN_AGE_MS) {
      await unlink(join(root, n)).then(
        () => removed.push(n),
        () => {},
      );
    }
  }
  for (const sub of Object.values(KIND_DIRS)) {
    const names = await readdir(join(root, sub)).catch(() => [] as string[]);
    for (const n of names.filter((x) => TEMP_FILE.test(x))) {
      await unlink(join(root, sub, n)).then(
        () => removed.push(`${sub}/${n}`),
        () => {},
      );
    }
  }
  return removed;
}
