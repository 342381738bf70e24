import { createHash } from "node:crypto";
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { mkdir, readdir, readFile, stat, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import type { DocKind, Pool } from "@zmgr/kdl-schema";
import { fsyncDir, writeAtomic } from "./atomic-write.js";
import { commitChecked, usedInZones } from "./dir-commit.js";
import { ConflictError, RegistryNotFoundError } from "./errors.js";
import { toStorageError } from "./fs-errors.js";
import { acquireLock, type LockDeps, staleMsFrom } from "./lock.js";
import { assertSafeFileName } from "./names.js";
import { machineId, probeOf } from "./process-probe.js";
import {
  type CommitRequest,
  type CommitResult,
  KIND_DIRS,
  type LockHandle,
  type LockOptions,
  relativePath,
  type Storage,
  type StoredDocument,
} from "./storage.js";
import { sweepTempFiles } from "./sweep.js";

const READ_SLICE = 256;

/** The version of a document: a sha256 of its exact bytes, so a CAS compares content, not mtimes. */
export function versionOf(bytes: Uint8Array | string): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

/**
 * The registry as a directory of `.kdl` files; every write is atomic (temp, fsync, rename).
 * While this storage holds the lock, every write and remove first checks the lock's token
 * (`zmgr::registry::lock_lost` when another process took it over).
 */
export class DirectoryStorage implements Storage {
  private held: LockHandle | undefined;

  constructor(
    readonly root: string,
    private readonly lockDeps: LockDeps = {},
    /** How long `commit` and `usedAddresses` wait for the lock when they take it themselves. */
    private readonly lockTimeoutMs = 30_000,
  ) {}

  /** All changes under the lock, after every guard is checked (one file at a time, each atomic). */
  commit(request: CommitRequest): Promise<CommitResult> {
    return this.underLock(() => commitChecked(this, request));
  }

  /** Derived from the zone documents under the lock; an unparsable one fails closed. */
  usedAddresses(pools: readonly Pool[]): Promise<string[]> {
    return this.underLock(async () => {
      const names = await this.list("zone");
      return usedInZones(await this.readMany("zone", names), pools);
    });
  }

  /** Commits of this instance, one at a time (the lock file is per process, not per call). */
  private queue: Promise<unknown> = Promise.resolve();
  private ownLock = false;

  /**
   * Runs `fn` under the lock: the one a caller already holds through `lock()`, else a fresh one,
   * taken after this instance's earlier commits finished.
   */
  private underLock<T>(fn: () => Promise<T>): Promise<T> {
    if (this.held !== undefined && !this.ownLock) return fn();
    const run = this.queue.then(() => this.lockedRun(fn));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async lockedRun<T>(fn: () => Promise<T>): Promise<T> {
    const handle = await this.lock({ timeoutMs: this.lockTimeoutMs });
    this.ownLock = true;
    try {
      const result = await fn();
      this.ownLock = false;
      await handle.release();
      return result;
    } catch (err) {
      this.ownLock = false;
      await handle.release().catch(() => undefined);
      throw err;
    }
  }

  async list(kind: DocKind): Promise<string[]> {
    if (kind === "config") {
      await this.assertRoot();
      const st = await stat(this.pathOf("config", "config")).catch(() => undefined);
      return st?.isFile() ? ["config"] : [];
    }
    const dir = join(this.root, KIND_DIRS[kind]);
    try {
      const entries = await readdir(dir, { withFileTypes: true });
      return entries
        .filter((e) => (e.isFile() || e.isSymbolicLink()) && isDocumentName(e.name))
        .map((e) => e.name.slice(0, -4));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        await this.assertRoot();
        return [];
      }
      throw toStorageError(err, dir, "read", this.root);
    }
  }

  async read(kind: DocKind, name: string): Promise<StoredDocument | undefined> {
    const path = this.pathOf(kind, name);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw toStorageError(err, path, "read", this.root);
    }
    return { text: bytes.toString("utf8"), version: versionOf(bytes) };
  }

  /**
   * Reads many documents fast. Measured on the 2-core build machine under load, 10,000 small
   * files take 0.2–0.45 s with readFileSync but 0.8–2.6 s through the libuv thread pool
   * (fs.promises or callbacks, 16–64 in flight): each async read costs four thread-pool round
   * trips. So this reads synchronously in slices of 256 and yields to the event loop between
   * slices, so timers (e.g. the lock refresh) and other I/O still run.
   */
  async readMany(kind: DocKind, names: string[]): Promise<Map<string, StoredDocument>> {
    const out = new Map<string, StoredDocument>();
    for (let i = 0; i < names.length; i += READ_SLICE) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const name of names.slice(i, i + READ_SLICE)) {
        const path = this.pathOf(kind, name);
        let bytes: Buffer;
        try {
          bytes = readSmallSync(path);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === "ENOENT") continue;
          throw toStorageError(err, path, "read", this.root);
        }
        out.set(name, { text: bytes.toString("utf8"), version: versionOf(bytes) });
      }
    }
    return out;
  }

  async write(kind: DocKind, name: string, text: string, expected: string | null): Promise<string> {
    const path = this.pathOf(kind, name);
    await this.held?.assertHeld(); // a lost lock is the cause, whatever the file looks like now
    await this.check(kind, name, expected);
    const bytes = Buffer.from(text, "utf8");
    const held = this.held;
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeAtomic(path, bytes, this.lockDeps.pid ?? process.pid, held?.assertHeld);
    } catch (err) {
      throw toStorageError(err, path, "write", this.root);
    }
    return versionOf(bytes);
  }

  async remove(kind: DocKind, name: string, expected?: string): Promise<void> {
    const path = this.pathOf(kind, name);
    await this.held?.assertHeld();
    if (expected !== undefined) await this.check(kind, name, expected);
    await this.held?.assertHeld();
    try {
      await unlink(path);
      await fsyncDir(dirname(path));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
      throw toStorageError(err, path, "write", this.root);
    }
  }

  async lock(opts: LockOptions): Promise<LockHandle> {
    const handle = await acquireLock(this.root, opts, this.lockDeps);
    this.held = handle;
    return {
      holder: handle.holder,
      ...(handle.token === undefined ? {} : { token: handle.token }),
      assertHeld: () => handle.assertHeld(),
      release: async () => {
        if (this.held === handle) this.held = undefined;
        await handle.release();
      },
    };
  }

  /**
   * Deletes what a zmgr writer killed mid-write left (sweep.ts: only zmgr's own temp files, only
   * when their writer is gone). Call it only while holding the registry lock. Returns the paths
   * removed, relative to the root.
   */
  sweepTempFiles(): Promise<string[]> {
    const deps = this.lockDeps;
    const hostId = deps.hostId === undefined ? machineId() : (deps.hostId ?? undefined);
    return sweepTempFiles(this.root, {
      ...(this.held?.token === undefined ? {} : { token: this.held.token }),
      judge: {
        host: deps.host ?? hostname(),
        hostId,
        probe: probeOf(deps),
        staleMs: deps.staleMs ?? staleMsFrom(deps.env ?? process.env),
        nowMs: (deps.now?.() ?? new Date()).getTime(),
      },
    });
  }

  private async check(kind: DocKind, name: string, expected: string | null): Promise<void> {
    const current = await this.read(kind, name);
    const file = relativePath(kind, name);
    if (expected === null && current) throw new ConflictError(file, "exists");
    if (expected !== null && !current) throw new ConflictError(file, "missing");
    if (expected !== null && current && current.version !== expected) {
      throw new ConflictError(file, "changed");
    }
  }

  private pathOf(kind: DocKind, name: string): string {
    if (kind !== "config") assertSafeFileName(kind, name);
    return join(this.root, relativePath(kind, name));
  }

  private async assertRoot(): Promise<void> {
    try {
      if (!(await stat(this.root)).isDirectory()) throw new RegistryNotFoundError(this.root);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        throw new RegistryNotFoundError(this.root, err);
      }
      throw toStorageError(err, this.root, "read", this.root);
    }
  }
}

function isDocumentName(file: string): boolean {
  return file.endsWith(".kdl") && file.length > 4 && !file.startsWith(".");
}

const scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * open + one read into a shared buffer + close: no fstat, no allocation per file; big files fall
 * back to readFileSync. The result may be a view of the shared buffer: use it before the next call.
 */
function readSmallSync(path: string): Buffer {
  const fd = openSync(path, "r");
  let n: number;
  try {
    n = readSync(fd, scratch, 0, scratch.length, 0);
  } finally {
    closeSync(fd);
  }
  return n < scratch.length ? scratch.subarray(0, n) : readFileSync(path);
}
