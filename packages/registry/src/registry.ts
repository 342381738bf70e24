import { AsyncLocalStorage } from "node:async_hooks";
import { hostname } from "node:os";
import {
  type DocKind,
  type DocValueMap,
  type NetStatus,
  parseDocument,
  printDocument,
  updateDocument,
  type Zone,
} from "@zmgr/kdl-schema";
import { DirectoryStorage } from "./dir-storage.js";
import { RenameError, UnusableFileError, ZoneFileMissingError } from "./errors.js";
import { loadSnapshot } from "./load.js";
import { staleMsFrom } from "./lock.js";
import { checkName, refuseCaseClash } from "./names.js";
import { machineId, type ProcessProbe, probeOf } from "./process-probe.js";
import {
  netAddState,
  type ReservationState,
  reservationState,
  reservedElsewhere,
  withFailure,
  withoutStatus,
  withReservation,
} from "./reservation.js";
import type { LoadedFile, Snapshot } from "./snapshot.js";
import { type LockHandle, relativePath, type Storage } from "./storage.js";

export interface RegistryDeps {
  storage?: Storage;
  host?: string;
  pid?: number;
  now?: () => Date;
  /** Pid-only liveness (made-up pids in tests); ignored when `probe` is given. */
  isAlive?: (pid: number) => boolean;
  /** How processes are judged (pid + start time); default this machine's /proc. */
  probe?: ProcessProbe;
  /** This machine's stable id; null: none. Default `/etc/machine-id`. */
  hostId?: string | null;
  /** Lock wait for writes made outside `withLock` (default 30 s, the CLI's --lock-timeout). */
  lockTimeoutMs?: number;
  /** Lock staleness for DirectoryStorage (default `$ZMGR_LOCK_STALE_MS` from `env`, else 60 s). */
  staleMs?: number;
  env?: Record<string, string | undefined>;
  /** Notes (lock takeover, temp files removed) of operations that take the lock implicitly. */
  onNote?: (msg: string) => void;
  /** Called at every release of the lock with how long it was held (ms). */
  onHeld?: (ms: number) => void;
}

export interface LockRunOptions {
  timeoutMs: number;
  onNote?: (m: string) => void;
  /** Called at release with how long the lock was held (ms); default the Registry's. */
  onHeld?: (ms: number) => void;
}

/** The registry: load snapshots, and change documents under the lock with compare-and-swap. */
export class Registry {
  readonly root: string;
  readonly host: string;
  readonly pid: number;
  private readonly storage: Storage;
  private readonly now: () => Date;
  readonly hostId: string | undefined;
  private readonly probe: ProcessProbe;
  private readonly lockTimeoutMs: number;
  private readonly onNote: ((msg: string) => void) | undefined;
  private readonly onHeld: ((ms: number) => void) | undefined;
  private readonly held = new AsyncLocalStorage<LockHandle>();

  static open(root: string, deps: RegistryDeps = {}): Registry {
    return new Registry(root, deps);
  }

  private constructor(root: string, deps: RegistryDeps) {
    this.root = root;
    this.host = deps.host ?? hostname();
    this.pid = deps.pid ?? process.pid;
    this.now = deps.now ?? (() => new Date());
    this.probe = probeOf(deps);
    this.hostId = deps.hostId === undefined ? machineId() : (deps.hostId ?? undefined);
    this.lockTimeoutMs = deps.lockTimeoutMs ?? 30_000;
    this.onNote = deps.onNote;
    this.onHeld = deps.onHeld;
    this.storage =
      deps.storage ??
      new DirectoryStorage(root, {
        now: this.now,
        probe: this.probe,
        hostId: this.hostId ?? null,
        host: this.host,
        pid: this.pid,
        staleMs: deps.staleMs ?? staleMsFrom(deps.env ?? process.env),
      });
  }

  /** The last snapshot loaded: the next load re-reads every file but parses only changed ones. */
  private last: Snapshot | undefined;

  async load(): Promise<Snapshot> {
    const snapshot = await loadSnapshot(this.storage, this.root, this.last);
    this.last = snapshot;
    return snapshot;
  }

  /** One document, freshly read (undefined when missing). */
  async get<K extends DocKind>(kind: K, name: string): Promise<LoadedFile<K> | undefined> {
    const doc = await this.storage.read(kind, name);
    if (doc === undefined) return undefined;
    const path = relativePath(kind, name);
    return { kind, name, path, parsed: parseDocument(kind, doc.text, path), version: doc.version };
  }

  /**
   * Runs `fn` on a snapshot loaded under the registry lock, then releases the lock (also on
   * failure). Calls nested inside `fn` (withLock, put, remove) reuse the lock instead of waiting.
   */
  async withLock<T>(fn: (snapshot: Snapshot) => Promise<T>, opts: LockRunOptions): Promise<T> {
    return this.locked(opts, async () => fn(await this.load()));
  }

  /**
   * Writes a whole value: a new file (printDocument), or an in-place edit of `previous`
   * (updateDocument: comments and layout kept; KDL v1 upgraded, with a note). Compare-and-swap:
   * ConflictError when the file changed since `previous` was read, or exists when none was given.
   */
  async put<K extends DocKind>(
    kind: K,
    value: DocValueMap[K],
    previous?: LoadedFile<K>,
  ): Promise<string[]> {
    const name = kind === "config" ? "config" : (value as { name: string }).name;
    checkName(kind, name);
    return this.locked(this.implicitLock(), async () => {
      if (previous === undefined) {
        if (kind !== "config") await refuseCaseClash(this.storage, kind, name);
        await this.storage.write(kind, name, printDocument(kind, value), null);
        return [];
      }
      if (previous.kind !== kind || previous.name !== name) {
        throw new RenameError(previous.path, relativePath(kind, name));
      }
      if (previous.parsed.value === undefined) {
        throw new UnusableFileError(previous.path);
      }
      const { text, upgraded } = updateDocument(previous.parsed, value);
      await this.storage.write(kind, name, text, previous.version);
      return upgraded ? [`upgraded ${previous.path} from KDL v1 to v2`] : [];
    });
  }

  /**
   * Writes raw text (e.g. `zmgr fmt`'s canonical form) under the lock: a new file without
   * `previous`, else only if unchanged since `previous` was read (ConflictError otherwise).
   */
  async putText(kind: DocKind, name: string, text: string, previous?: LoadedFile): Promise<void> {
    checkName(kind, name);
    await this.locked(this.implicitLock(), async () => {
      if (previous === undefined && kind !== "config") {
        await refuseCaseClash(this.storage, kind, name);
      }
      await this.storage.write(kind, name, text, previous?.version ?? null);
    });
  }

  /** Removes a document; with `previous`, only if unchanged since it was read. */
  async remove(kind: DocKind, name: string, previous?: LoadedFile): Promise<void> {
    await this.locked(this.implicitLock(), () =>
      this.storage.remove(kind, name, previous?.version),
    );
  }

  reservationState(zone: Zone): ReservationState | undefined {
    return reservationState(zone, this.judge());
  }

  /**
   * The `status "adding"` of a net this process adds (without its `txn`): pid, machine, host id
   * and the process's start time, so it is judged as a reservation is.
   */
  netAddMark(): Omit<NetStatus, "txn"> {
    const pidStart = this.probe.startOf(this.pid);
    return {
      state: "adding",
      pid: this.pid,
      host: this.host,
      ...(this.hostId === undefined ? {} : { hostId: this.hostId }),
      ...(pidStart === undefined ? {} : { pidStart }),
      started: this.now().toISOString(),
    };
  }

  /** What a net's `status "adding"` means from this machine (see `netAddState`). */
  netAddState(status: NetStatus): "adding" | "interrupted" | "elsewhere" {
    return netAddState(status, this.judge());
  }

  /** The machine a `creating` reservation was made on, when it is not this one. */
  reservedElsewhere(zone: Zone): string | undefined {
    return reservedElsewhere(zone, this.judge());
  }

  private judge() {
    return { host: this.host, hostId: this.hostId, probe: this.probe };
  }

  /** Writes a new zone file carrying `status "creating"` for this process: the reservation. */
  reserve(zone: Zone): Promise<string[]> {
    const started = this.now().toISOString();
    const pidStart = this.probe.startOf(this.pid);
    return this.put(
      "zone",
      withReservation(zone, {
        pid: this.pid,
        host: this.host,
        ...(this.hostId === undefined ? {} : { hostId: this.hostId }),
        ...(pidStart === undefined ? {} : { pidStart }),
        started,
      }),
    );
  }

  /** Sets the zone's status to `failed` with a reason (read-modify-write under the lock). */
  markFailed(name: string, reason: string, opts?: LockRunOptions): Promise<string[]> {
    return this.editZone(name, (z) => withFailure(z, reason), opts);
  }

  /** Drops the zone's status: the create finished (read-modify-write under the lock). */
  clearReservation(name: string, opts?: LockRunOptions): Promise<string[]> {
    return this.editZone(name, withoutStatus, opts);
  }

  private editZone(name: string, edit: (z: Zone) => Zone, opts?: LockRunOptions) {
    return this.locked(opts ?? this.implicitLock(), async () => {
      const file = await this.get("zone", name);
      if (file?.parsed.value === undefined) {
        throw new ZoneFileMissingError(name);
      }
      return this.put("zone", edit(file.parsed.value), file);
    });
  }

  private implicitLock(): LockRunOptions {
    return { timeoutMs: this.lockTimeoutMs, ...(this.onNote ? { onNote: this.onNote } : {}) };
  }

  private async locked<T>(opts: LockRunOptions, fn: () => Promise<T>): Promise<T> {
    if (this.held.getStore() !== undefined) return fn();
    // etcd has no lock: every write there is compare-and-swap on its own.
    if (this.storage.lock === undefined) return fn();
    const onNote = opts.onNote ?? this.onNote;
    const onHeld = opts.onHeld ?? this.onHeld;
    const handle = await this.storage.lock({
      timeoutMs: opts.timeoutMs,
      pid: this.pid,
      host: this.host,
      ...(onNote ? { onNote } : {}),
      ...(onHeld ? { onHeld } : {}),
    });
    let result: T;
    try {
      if (this.storage instanceof DirectoryStorage) {
        for (const file of await this.storage.sweepTempFiles()) {
          onNote?.(`removed ${file}, a temp file left by an interrupted zmgr write`);
        }
      }
      result = await this.held.run(handle, fn);
    } catch (err) {
      // the original failure is the report; a lost lock at release is only noted beside it
      await handle.release().catch((e: unknown) => onNote?.((e as Error).message));
      throw err;
    }
    await handle.release();
    return result;
  }
}
