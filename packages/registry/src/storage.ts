import type { DocKind } from "@zmgr/kdl-schema";
import type { LockHolder } from "./errors.js";

export interface LockOptions {
  /** How long to wait for another holder before failing with LockedError. */
  timeoutMs: number;
  /** Recorded in the lock (default: this process). */
  pid?: number;
  host?: string;
  /** Called with a one-line note, e.g. when a dead holder's lock is taken over. */
  onNote?: (msg: string) => void;
  /** Called at release with how long the lock was held, in ms. */
  onHeld?: (ms: number) => void;
}

export interface LockHandle {
  /**
   * Idempotent; never removes a lock that another process has taken over, and fails with
   * `zmgr::registry::lock_lost` when the lock was no longer ours.
   */
  release(): Promise<void>;
  /** Fails with `zmgr::registry::lock_lost` unless the lock is still ours (checked before every write). */
  assertHeld(): Promise<void>;
  holder: LockHolder;
  /** The token recorded in the lock file (directory locks). */
  token?: string;
}

/**
 * Where registry documents live, kept compare-and-swap friendly so a shared backend can replace
 * the directory later. `version` is an opaque etag of the exact bytes (a content hash).
 */
export interface Storage {
  /** Names (without extension) of the documents of one kind; `config` lists `["config"]` or `[]`. */
  list(kind: DocKind): Promise<string[]>;
  read(kind: DocKind, name: string): Promise<StoredDocument | undefined>;
  /** Writes if the stored version is `expected` (null = must not exist); else ConflictError. Returns the new version. */
  write(kind: DocKind, name: string, text: string, expected: string | null): Promise<string>;
  /** Removes; with `expected`, only if unchanged (ConflictError otherwise). Missing is fine without `expected`. */
  remove(kind: DocKind, name: string, expected?: string): Promise<void>;
  lock(opts: LockOptions): Promise<LockHandle>;
  /** Optional bulk read (missing documents are left out); the loader prefers it when present. */
  readMany?(kind: DocKind, names: string[]): Promise<Map<string, StoredDocument>>;
}

export interface StoredDocument {
  text: string;
  version: string;
}

/** Sub-directory of each kind; config is the single file `config.kdl` at the root. */
export const KIND_DIRS: Record<Exclude<DocKind, "config">, string> = {
  template: "templates",
  pool: "pools",
  zone: "zones",
  publisher: "publishers",
};

export const ENTITY_KINDS = ["template", "pool", "zone", "publisher"] as const;

/** Path of a document relative to the registry root, e.g. `pools/internal.kdl`. */
export function relativePath(kind: DocKind, name: string): string {
  return kind === "config" ? "config.kdl" : `${KIND_DIRS[kind]}/${name}.kdl`;
}

export const LOCK_FILE = ".zmgr.lock";
