import type { DocKind, Pool } from "@zmgr/kdl-schema";
import { commitChecked, usedInZones } from "../src/dir-commit.js";
import { versionOf } from "../src/dir-storage.js";
import { ConflictError, LockedError } from "../src/errors.js";
import type {
  CommitRequest,
  CommitResult,
  LockHandle,
  LockOptions,
  Storage,
  StoredDocument,
} from "../src/storage.js";

/**
 * A second Storage backend, in memory, to prove the interface is enough for Registry (the way a
 * shared IPAM backend would replace the directory): CAS on versions, a lock with a timeout,
 * and no `readMany`, so the loader's per-document path is used.
 */
export class MemoryStorage implements Storage {
  readonly docs = new Map<string, StoredDocument>();
  private held: LockHandle | undefined;
  reads = 0;

  async list(kind: DocKind): Promise<string[]> {
    const prefix = `${kind}/`;
    return [...this.docs.keys()]
      .filter((k) => k.startsWith(prefix))
      .map((k) => k.slice(prefix.length));
  }

  async read(kind: DocKind, name: string): Promise<StoredDocument | undefined> {
    this.reads++;
    return this.docs.get(`${kind}/${name}`);
  }

  async write(kind: DocKind, name: string, text: string, expected: string | null): Promise<string> {
    const key = `${kind}/${name}`;
    const current = this.docs.get(key);
    if (expected === null && current) throw new ConflictError(key, "exists");
    if (expected !== null && current?.version !== expected) throw new ConflictError(key, "changed");
    const version = versionOf(text);
    this.docs.set(key, { text, version });
    return version;
  }

  async remove(kind: DocKind, name: string, expected?: string): Promise<void> {
    const key = `${kind}/${name}`;
    if (expected !== undefined && this.docs.get(key)?.version !== expected) {
      throw new ConflictError(key, "changed");
    }
    this.docs.delete(key);
  }

  commit(request: CommitRequest): Promise<CommitResult> {
    return commitChecked(this, request);
  }

  async usedAddresses(pools: readonly Pool[]): Promise<string[]> {
    const zones = new Map<string, StoredDocument>();
    for (const name of await this.list("zone")) zones.set(name, (await this.read("zone", name))!);
    return usedInZones(zones, pools);
  }

  async lock(opts: LockOptions): Promise<LockHandle> {
    const started = Date.now();
    while (this.held) {
      if (Date.now() - started > opts.timeoutMs)
        throw new LockedError("memory", this.held.holder, opts.timeoutMs);
      await new Promise((r) => setTimeout(r, 5));
    }
    const handle: LockHandle = {
      holder: {
        pid: opts.pid ?? process.pid,
        host: opts.host ?? "memory",
        since: new Date().toISOString(),
      },
      assertHeld: async () => {
        if (this.held !== handle) throw new Error("memory lock not held");
      },
      release: async () => {
        if (this.held === handle) this.held = undefined;
      },
    };
    this.held = handle;
    return handle;
  }
}
