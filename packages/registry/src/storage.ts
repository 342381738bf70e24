import type { DocKind, Pool } from "@zmgr/kdl-schema";
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

/** One document change of a commit: write `text`, or remove; guarded by `expected`. */
export type Change =
  | { kind: DocKind; name: string; text: string; expected: string | null }
  | { kind: DocKind; name: string; remove: true; expected?: string };

/** A document that must be absent (`null`) or at the version read, though the commit leaves it alone. */
export interface Guard {
  kind: DocKind;
  name: string;
  expected: string | null;
}

/**
 * The liveness record of a running create (SPEC §6: `<prefix>/reservations/<zone>` on a lease).
 * `take`: create it with the commit (the zone's first write); `hold`: the commit happens only
 * while it is still ours; `release`: delete it with the commit (and end the lease); `absent`:
 * the commit happens only when no live create holds the zone. A directory records its
 * reservations in the zone document itself (pid and start time), so it has nothing more to do.
 */
export interface ReservationStep {
  zone: string;
  nonce: string;
  step: "take" | "hold" | "release" | "absent";
}

export interface CommitRequest {
  changes: Change[];
  guards?: Guard[];
  reservation?: ReservationStep;
}

/**
 * Every document written, by `relativePath`, as stored: normally the text sent; when etcd's
 * reply was lost and the create's nonce showed it committed, the text found there.
 */
export type CommitResult = Map<string, StoredDocument>;

/**
 * Where registry documents live (SPEC §6, ARCHITECTURE "Ports and adapters"): list, read,
 * compare-and-swap, one atomic commit of several documents with guards, and the used addresses
 * of pools. `version` is an opaque etag (a content hash on a directory, the mod revision on etcd).
 * A directory serialises commits under its lock; etcd needs none, so `lock` is optional.
 */
export interface Storage {
  /** Names (without extension) of the documents of one kind; `config` lists `["config"]` or `[]`. */
  list(kind: DocKind): Promise<string[]>;
  read(kind: DocKind, name: string): Promise<StoredDocument | undefined>;
  /** Writes if the stored version is `expected` (null = must not exist); else ConflictError. Returns the new version. */
  write(kind: DocKind, name: string, text: string, expected: string | null): Promise<string>;
  /** Removes; with `expected`, only if unchanged (ConflictError otherwise). Missing is fine without `expected`. */
  remove(kind: DocKind, name: string, expected?: string): Promise<void>;
  /**
   * All changes or none: every `expected` and guard holds, or ConflictError and nothing written.
   * Zone changes keep the ledger (on etcd the claims) in step.
   */
  commit(request: CommitRequest): Promise<CommitResult>;
  /**
   * Every address held by a zone inside the networks of `pools` (canonical text without prefix
   * length, ascending). Fails closed (`zmgr::registry::ledger_unreadable`) when a zone's holdings
   * cannot be known.
   */
  usedAddresses(pools: readonly Pool[]): Promise<string[]>;
  /**
   * Fails with `zmgr::registry::reservation_lost` unless the create's reservation is still alive
   * (etcd: its lease renews and its key holds `nonce`). A directory has no such record.
   */
  assertReservation?(zone: string, nonce: string): Promise<void>;
  /** The directory backend's lock (the old surface, still used by `Registry`); etcd has none. */
  lock?(opts: LockOptions): Promise<LockHandle>;
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
