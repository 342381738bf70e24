import { randomBytes } from "node:crypto";
import { open, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * zmgr's temp files: `.<name>.kdl.zmgr-<pid>-<random>` beside the document (hidden, so no
 * loader or admin's glob takes it for a document, and unmistakably zmgr's: see sweep.ts).
 */
export const TEMP_FILE = /^\.(.+\.kdl)\.zmgr-(\d{1,10})-([0-9a-f]{12})$/;

export function tempPathFor(path: string, pid: number): string {
  return join(dirname(path), `.${basename(path)}.zmgr-${pid}-${randomBytes(6).toString("hex")}`);
}

/**
 * Writes `bytes` to `path` atomically: a temp file in the same directory, fsync, then
 * `beforeRename` (the lock's token check), rename, and an fsync of the directory so the rename
 * survives a power loss. The temp file is removed when anything fails before the rename.
 */
export async function writeAtomic(
  path: string,
  bytes: Uint8Array,
  pid: number,
  beforeRename?: () => Promise<void>,
): Promise<void> {
  const tmp = tempPathFor(path, pid);
  const mode = (await stat(path).catch(() => undefined))?.mode;
  const handle = await open(tmp, "wx", 0o644);
  try {
    try {
      if (mode !== undefined) await handle.chmod(mode & 0o7777); // keep an admin's mode
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await beforeRename?.();
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await fsyncDir(dirname(path));
}

/** Makes a rename durable: without it a power loss may forget the new directory entry. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r").catch(() => undefined);
  if (handle === undefined) return;
  await handle.sync().catch(() => {}); // not supported on every file system
  await handle.close();
}
