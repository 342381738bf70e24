import { int64, keyAfter } from "./bytes.js";
import { type ConnectionOptions, EtcdConnection } from "./connection.js";
import { EtcdServerError, RequestTooLargeError } from "./errors.js";
import {
  type Compare,
  compareRequest,
  type KeyValue,
  type Op,
  type OpResult,
  opRequest,
  opResultOf,
  type RangeOptions,
  type RangeResult,
  type RangeSpec,
  rangeEndOf,
  rangeRequest,
  rangeResultOf,
} from "./messages.js";

/** etcd's default `--max-txn-ops`: the most entries in each of a txn's compare/success/failure lists. */
export const MAX_TXN_OPS = 128;

export interface TxnRequest {
  compare: Compare[];
  success: Op[];
  failure?: Op[];
}

export interface TxnResult {
  succeeded: boolean;
  revision: string;
  /** One per op of the branch that ran. */
  responses: OpResult[];
}

export type LeaseState = { alive: true; ttl: string } | { alive: false };

type Json = Record<string, unknown>;

/**
 * etcd's v3 JSON gateway (`/v3/kv/*`, `/v3/lease/*`) with keys and values as UTF-8 text and
 * every int64 (revisions, lease ids) as a decimal string. See `EtcdConnection` for retries.
 */
export class EtcdClient {
  private readonly connection: EtcdConnection;

  constructor(options: ConnectionOptions) {
    this.connection = new EtcdConnection(options);
  }

  /** One range request (linearizable unless `serializable`). */
  async range(key: string, options: RangeOptions = {}): Promise<RangeResult> {
    const body = rangeRequest(key, options, rangeEndOf(key, options));
    return rangeResultOf(
      (await this.connection.call("range", "/v3/kv/range", body, "read")) as Json,
    );
  }

  /**
   * Every key of the range, fetched `pageSize` keys at a time, all pages read at the revision of
   * the first one, so the result is one consistent snapshot.
   */
  async rangeAll(
    key: string,
    options: RangeSpec & {
      keysOnly?: boolean;
      pageSize?: number;
      /** Called after each page but the last (tests interleave writes here). */
      afterPage?: () => Promise<void>;
    } = {},
  ): Promise<{ kvs: KeyValue[]; revision: string }> {
    const end = rangeEndOf(key, options);
    const limit = options.pageSize ?? 1000;
    const base = { limit, ...(options.keysOnly ? { keysOnly: true } : {}) };
    const kvs: KeyValue[] = [];
    let from: string | Uint8Array = key;
    let revision: string | undefined;
    for (;;) {
      const body = rangeRequest(from, { ...base, ...(revision ? { revision } : {}) }, end);
      const page = rangeResultOf(
        (await this.connection.call("range", "/v3/kv/range", body, "read")) as Json,
      );
      revision ??= page.revision;
      kvs.push(...page.kvs);
      const last = page.kvs.at(-1);
      if (!page.more || last === undefined) return { kvs, revision };
      await options.afterPage?.();
      from = keyAfter(Buffer.from(last.key, "utf8"));
    }
  }

  async put(key: string, value: string, options: { lease?: string } = {}): Promise<string> {
    const body = opRequest({ put: { key, value, ...options } }).request_put as Json;
    const reply = (await this.connection.call("put", "/v3/kv/put", body, "write")) as Json;
    return int64(((reply.header ?? {}) as Json).revision);
  }

  /** Deletes the key (or range); answers how many keys were deleted. */
  async deleteRange(key: string, spec: RangeSpec = {}): Promise<string> {
    const body = opRequest({ delete: { key, ...spec } }).request_delete_range as Json;
    const reply = (await this.connection.call(
      "delete",
      "/v3/kv/deleterange",
      body,
      "write",
    )) as Json;
    return int64(reply.deleted);
  }

  /** One transaction: if every compare holds, the success ops run, else the failure ops. */
  async txn(request: TxnRequest): Promise<TxnResult> {
    const failure = request.failure ?? [];
    for (const [name, list] of [
      ["compare", request.compare],
      ["success", request.success],
      ["failure", failure],
    ] as const) {
      if (list.length > MAX_TXN_OPS) {
        throw new RequestTooLargeError(
          "txn",
          `${list.length} ${name} entries is over ${MAX_TXN_OPS}`,
        );
      }
    }
    const body = {
      compare: request.compare.map(compareRequest),
      success: request.success.map(opRequest),
      failure: failure.map(opRequest),
    };
    const reply = (await this.connection.call("txn", "/v3/kv/txn", body, "write")) as Json;
    return {
      // A failed txn omits "succeeded" (false is the protobuf default).
      succeeded: reply.succeeded === true,
      revision: int64(((reply.header ?? {}) as Json).revision),
      responses: ((reply.responses ?? []) as Json[]).map(opResultOf),
    };
  }

  /** A lease of `ttlSeconds`; its id is a decimal string (ids exceed 2^53). */
  async leaseGrant(ttlSeconds: number): Promise<{ id: string; ttl: string }> {
    const body = { TTL: String(ttlSeconds), ID: "0" };
    const reply = (await this.connection.call(
      "lease grant",
      "/v3/lease/grant",
      body,
      "write",
    )) as Json;
    return { id: int64(reply.ID), ttl: int64(reply.TTL) };
  }

  /** Renews the lease once. A reply without TTL means the lease is gone (expired or revoked). */
  async leaseKeepAlive(id: string): Promise<LeaseState> {
    const reply = (await this.connection.call(
      "lease keepalive",
      "/v3/lease/keepalive",
      { ID: int64(id) },
      "read",
    )) as Json;
    const result = (reply.result ?? {}) as Json;
    const ttl = int64(result.TTL);
    return ttl === "0" || ttl.startsWith("-") ? { alive: false } : { alive: true, ttl };
  }

  /** Revokes the lease, deleting its keys. Answers false when the lease was already gone. */
  async leaseRevoke(id: string): Promise<boolean> {
    try {
      await this.connection.call("lease revoke", "/v3/lease/revoke", { ID: int64(id) }, "write");
      return true;
    } catch (error) {
      if (error instanceof EtcdServerError && /lease not found/.test(error.message)) return false;
      throw error;
    }
  }

  /** Closes the keep-alive sockets; the client must not be used afterwards. */
  close(): void {
    this.connection.close();
  }
}
