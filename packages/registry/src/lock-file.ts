import { randomBytes } from "node:crypto";
import { link, open, unlink, writeFile } from "node:fs/promises";
import type { LockHolder } from "./errors.js";

/** What a lock file records: its holder plus a token that identifies this one acquisition. */
export interface LockInfo extends LockHolder {
  /** Stable id of the holder's machine (`/etc/machine-id`), when it has one. */
  hostId?: string;
  /** The holder's process start time as the prober reads it (process-probe.ts). */
  start?: string;
  token: string;
}

/** A lock file as found on disk: `info` is undefined when the content is not a lock record. */
export interface LockState {
  info: LockInfo | undefined;
  /** Last refresh (the file's mtime), in ms since the epoch. */
  refreshedMs: number;
  /** The exact content, to recognise a lock that is not a record (written by hand). */
  text: string;
}

export function newToken(): string {
  return randomBytes(12).toString("hex");
}

/**
 * Creates `path` holding `info`, atomically and only if it does not exist: the record is written
 * to a private temp file first and then hard-linked into place (EEXIST if taken), so nobody ever
 * sees a half-written lock. File systems without hard links fall back to `open(O_EXCL)`.
 */
export async function createLockFile(path: string, info: LockInfo): Promise<boolean> {
  const body = `${JSON.stringify(info)}\n`;
  const tmp = `${path}.${info.token}.tmp`;
  await writeFile(tmp, body, { flag: "wx", mode: 0o644 });
  try {
    await link(tmp, path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw err;
    return createExclusive(path, body);
  } finally {
    await unlink(tmp).catch(() => {});
  }
}

async function createExclusive(path: string, body: string): Promise<boolean> {
  try {
    await writeFile(path, body, { flag: "wx", mode: 0o644 });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

/** Reads a lock file; undefined when there is none. */
export async function readLockFile(path: string): Promise<LockState | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  try {
    const [stat, text] = await Promise.all([handle.stat(), handle.readFile("utf8")]);
    return { info: parseInfo(text), refreshedMs: stat.mtimeMs, text };
  } finally {
    await handle.close();
  }
}

/** Same lock? By token; a lock that is no record (hand-written) by its exact content. */
export function sameLock(a: LockState, b: LockState): boolean {
  if (a.info || b.info) return a.info?.token === b.info?.token;
  return a.text === b.text;
}

function parseInfo(text: string): LockInfo | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (
      typeof v.pid === "number" &&
      typeof v.host === "string" &&
      typeof v.since === "string" &&
      typeof v.token === "string"
    ) {
      const info: LockInfo = { pid: v.pid, host: v.host, since: v.since, token: v.token };
      if (typeof v.hostId === "string") info.hostId = v.hostId;
      if (typeof v.start === "string") info.start = v.start;
      return info;
    }
  } catch {
    // not a lock record (e.g. written by hand): judged by its age only
  }
  return undefined;
}
