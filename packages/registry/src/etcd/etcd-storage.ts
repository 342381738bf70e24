import { parseAddress } from "@zmgr/ipam";
import type { DocKind, Pool } from "@zmgr/kdl-schema";
import {
  addressOfClaimKey,
  claimKeyOf,
  claimKeyOfValue,
  parseClaim,
  zoneOfText,
} from "../claims.js";
import { sortAddresses } from "../dir-commit.js";
import { ipPoolOf } from "../pool-net.js";
import {
  type CommitRequest,
  type CommitResult,
  relativePath,
  type Storage,
  type StoredDocument,
} from "../storage.js";
import { ReservationLostError } from "../storage-errors.js";
import { prefixEnd } from "./bytes.js";
import type { EtcdClient } from "./client.js";
import { commitFailure } from "./commit-failure.js";
import { type CommitPlan, planCommit, type ZoneBefore } from "./commit-plan.js";
import { KeyLayout } from "./keys.js";
import { LeaseKeeper, type LeaseTimers } from "./lease-keeper.js";
import { settleTake } from "./settle.js";

export interface EtcdStorageOptions {
  client: EtcdClient;
  /** The registry prefix (`/zmgr`), as the URL gives it. */
  prefix: string;
  /** This host (`ZMGR_THIS_HOST`): written into the claims it makes. */
  host: string;
  /** Reservation lease TTL (SPEC §6: 30 s) and renewal period (10 s); short in tests. */
  leaseTtlSeconds?: number;
  renewMs?: number;
  timers?: LeaseTimers;
  /** Reads keys in pages of this many (default 1000). */
  pageSize?: number;
}

/**
 * The registry in etcd (SPEC §6): documents as their KDL texts under `<prefix>/<kind dir>/`,
 * claims as the ledger, reservations on a lease, and every change one guarded transaction.
 * Versions are the keys' mod revisions.
 */
export class EtcdStorage implements Storage {
  readonly keys: KeyLayout;
  readonly client: EtcdClient;
  readonly host: string;
  readonly lease: LeaseKeeper;
  private readonly pageSize: number;

  constructor(options: EtcdStorageOptions) {
    this.client = options.client;
    this.keys = new KeyLayout(options.prefix);
    this.host = options.host;
    this.pageSize = options.pageSize ?? 1000;
    const ttl = options.leaseTtlSeconds ?? 30;
    this.lease = new LeaseKeeper(
      options.client,
      ttl,
      options.renewMs ?? (ttl * 1000) / 3,
      options.timers,
    );
  }

  async list(kind: DocKind): Promise<string[]> {
    if (kind === "config") {
      const r = await this.client.range(this.keys.doc("config", "config"), { keysOnly: true });
      return r.kvs.length > 0 ? ["config"] : [];
    }
    const dir = this.keys.kindDir(kind);
    const { kvs } = await this.client.rangeAll(dir, {
      prefix: true,
      keysOnly: true,
      pageSize: this.pageSize,
    });
    return kvs
      .map((kv) => kv.key.slice(dir.length))
      .filter(isDocumentName)
      .map((n) => n.slice(0, -4));
  }

  async read(kind: DocKind, name: string): Promise<StoredDocument | undefined> {
    const kv = (await this.client.range(this.keys.doc(kind, name))).kvs[0];
    return kv === undefined ? undefined : { text: kv.value, version: kv.modRevision };
  }

  /** One paginated read of the kind's prefix at one revision. */
  async readMany(kind: DocKind, names: string[]): Promise<Map<string, StoredDocument>> {
    const out = new Map<string, StoredDocument>();
    if (kind === "config") {
      const doc = names.includes("config") ? await this.read("config", "config") : undefined;
      if (doc) out.set("config", doc);
      return out;
    }
    const wanted = new Set(names);
    const dir = this.keys.kindDir(kind);
    const { kvs } = await this.client.rangeAll(dir, { prefix: true, pageSize: this.pageSize });
    for (const kv of kvs) {
      const file = kv.key.slice(dir.length);
      const name = file.slice(0, -4);
      if (isDocumentName(file) && wanted.has(name))
        out.set(name, { text: kv.value, version: kv.modRevision });
    }
    return out;
  }

  async write(kind: DocKind, name: string, text: string, expected: string | null): Promise<string> {
    const result = await this.commit({ changes: [{ kind, name, text, expected }] });
    return result.get(relativePath(kind, name))!.version;
  }

  async remove(kind: DocKind, name: string, expected?: string): Promise<void> {
    await this.commit({
      changes: [{ kind, name, remove: true, ...(expected === undefined ? {} : { expected }) }],
    });
  }

  async commit(request: CommitRequest): Promise<CommitResult> {
    const r = request.reservation;
    if (r && (r.step === "hold" || r.step === "release"))
      await this.assertReservation(r.zone, r.nonce);
    const before = await this.zonesBefore(request);
    const leaseId =
      r?.step === "take"
        ? await this.lease.acquire()
        : r && r.step !== "absent"
          ? await this.lease.current()
          : undefined;
    const plan = planCommit(this.keys, request, before, {
      host: this.host,
      ...(leaseId === undefined ? {} : { leaseId }),
    });
    let result: CommitResult;
    try {
      result =
        r?.step === "take" ? await settleTake(this, plan, request) : await this.send(plan, request);
    } catch (err) {
      if (r?.step === "take") await this.lease.release().catch(() => undefined);
      throw err;
    }
    if (r?.step === "release") await this.lease.release();
    return result;
  }

  /** Sends a planned txn: the stored documents on success, the precise conflict otherwise. */
  async send(plan: CommitPlan, request: CommitRequest): Promise<CommitResult> {
    const reply = await this.client.txn(plan.txn);
    if (!reply.succeeded) throw commitFailure(plan, reply);
    const out: CommitResult = new Map();
    for (const c of request.changes) {
      if (!("remove" in c))
        out.set(relativePath(c.kind, c.name), { text: c.text, version: reply.revision });
    }
    return out;
  }

  /** The claims of the pools' networks: one keys-only range read per pool. */
  async usedAddresses(pools: readonly Pool[]): Promise<string[]> {
    const found = new Map<string, { family: 4 | 6; value: bigint }>();
    for (const pool of pools) {
      const { family, network } = ipPoolOf(pool);
      const from = this.keys.claim(claimKeyOfValue(family, network.base));
      const max = family === 4 ? 0xffffffffn : (1n << 128n) - 1n;
      const end =
        network.last === max
          ? prefixEnd(this.keys.claim(`v${family}/`))
          : this.keys.claim(claimKeyOfValue(family, network.last + 1n));
      const { kvs } = await this.client.rangeAll(from, {
        end,
        keysOnly: true,
        pageSize: this.pageSize,
      });
      for (const kv of kvs) {
        const address = addressOfClaimKey(kv.key.slice(this.keys.claims().length));
        const p = address === undefined ? undefined : parseAddress(address);
        if (p) found.set(`${p.family}:${p.value}`, { family: p.family, value: p.value });
      }
    }
    return sortAddresses([...found.values()]);
  }

  async assertReservation(zone: string, nonce: string): Promise<void> {
    if (this.lease.lost !== undefined) throw new ReservationLostError(zone, this.lease.lost);
    const kv = (await this.client.range(this.keys.reservation(zone))).kvs[0];
    if (kv === undefined)
      throw new ReservationLostError(zone, "its key is gone (the lease expired or was revoked)");
    if (kv.value !== nonce) throw new ReservationLostError(zone, "another create holds it now");
  }

  /** The claims of every zone the commit changes, from the stored documents (a linearizable read). */
  private async zonesBefore(request: CommitRequest): Promise<Map<string, ZoneBefore>> {
    const out = new Map<string, ZoneBefore>();
    for (const c of request.changes) {
      if (c.kind !== "zone" || c.expected === null) continue;
      const kv = (await this.client.range(this.keys.doc("zone", c.name))).kvs[0];
      if (kv === undefined) {
        out.set(c.name, { modRevision: "0", claimKeys: [] });
        continue;
      }
      const zone = zoneOfText(kv.value, relativePath("zone", c.name));
      const claimKeys =
        zone === undefined
          ? await this.claimKeysOf(c.name)
          : zone.nets.flatMap((n) => n.addresses.map(claimKeyOf)).filter((k) => k !== undefined);
      out.set(c.name, { modRevision: kv.modRevision, claimKeys: [...new Set(claimKeys)] });
    }
    return out;
  }

  /** The claims naming a zone whose document cannot be parsed: found by reading every claim. */
  async claimKeysOf(zone: string): Promise<string[]> {
    const base = this.keys.claims();
    const { kvs } = await this.client.rangeAll(base, { prefix: true, pageSize: this.pageSize });
    return kvs
      .filter((kv) => parseClaim(kv.value)?.zone === zone)
      .map((kv) => kv.key.slice(base.length));
  }

  /** Stops renewing and closes the connections. */
  close(): void {
    this.client.close();
  }
}

function isDocumentName(file: string): boolean {
  return file.endsWith(".kdl") && file.length > 4 && !file.startsWith(".") && !file.includes("/");
}
