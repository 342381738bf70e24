import { decode, encode, int64, prefixEnd } from "./bytes.js";

/** A key's range: one key, every key under a prefix, or [key, end). */
export interface RangeSpec {
  /** Select every key starting with `key`. */
  prefix?: boolean;
  /** Exclusive end key (bytes or text). Ignored when `prefix` is set. */
  end?: string | Uint8Array;
}

export interface RangeOptions extends RangeSpec {
  keysOnly?: boolean;
  /** At most this many keys; `more` then says whether others exist. */
  limit?: number;
  /** Read at this revision (a decimal string) instead of the latest. */
  revision?: string;
  /** Answer from the member's local state instead of a linearizable read. */
  serializable?: boolean;
}

export interface KeyValue {
  key: string;
  /** Empty with `keysOnly`. */
  value: string;
  createRevision: string;
  modRevision: string;
  version: string;
  /** "0" when the key has no lease. */
  lease: string;
}

export interface RangeResult {
  kvs: KeyValue[];
  more: boolean;
  /** Keys in the whole range, not only those returned. */
  count: string;
  /** The store's revision the read was served at. */
  revision: string;
}

export type CompareTarget = "create" | "mod" | "version" | "value" | "lease";
export type CompareResult = "=" | "!=" | "<" | ">";

export interface Compare extends RangeSpec {
  key: string;
  target: CompareTarget;
  result: CompareResult;
  /** A revision, version or lease id (decimal string), or the value's text. */
  operand: string;
}

export type Op =
  | { put: { key: string; value: string; lease?: string } }
  | { delete: { key: string } & RangeSpec }
  | { range: { key: string } & RangeOptions };

export type OpResult =
  | { put: { revision: string } }
  | { delete: { deleted: string } }
  | { range: RangeResult };

type Json = Record<string, unknown>;

export function rangeEndOf(key: string, spec: RangeSpec): string | undefined {
  if (spec.prefix) return encode(prefixEnd(key));
  return spec.end === undefined ? undefined : encode(spec.end);
}

export function rangeRequest(key: string | Uint8Array, o: RangeOptions, end?: string): Json {
  return {
    key: encode(key),
    ...(end === undefined ? {} : { range_end: end }),
    ...(o.keysOnly ? { keys_only: true } : {}),
    ...(o.limit === undefined ? {} : { limit: String(o.limit) }),
    ...(o.revision === undefined ? {} : { revision: o.revision }),
    ...(o.serializable ? { serializable: true } : {}),
  };
}

export function keyValueOf(kv: Json): KeyValue {
  return {
    key: decode(kv.key as string | undefined),
    value: decode(kv.value as string | undefined),
    createRevision: int64(kv.create_revision),
    modRevision: int64(kv.mod_revision),
    version: int64(kv.version),
    lease: int64(kv.lease),
  };
}

export function rangeResultOf(reply: Json): RangeResult {
  const header = (reply.header ?? {}) as Json;
  return {
    kvs: ((reply.kvs ?? []) as Json[]).map(keyValueOf),
    more: reply.more === true,
    count: int64(reply.count),
    revision: int64(header.revision),
  };
}

const TARGETS = {
  create: "CREATE",
  mod: "MOD",
  version: "VERSION",
  value: "VALUE",
  lease: "LEASE",
};
const FIELDS = {
  create: "create_revision",
  mod: "mod_revision",
  version: "version",
  lease: "lease",
};
const RESULTS = { "=": "EQUAL", "!=": "NOT_EQUAL", "<": "LESS", ">": "GREATER" };

export function compareRequest(c: Compare): Json {
  const end = rangeEndOf(c.key, c);
  const operand =
    c.target === "value" ? { value: encode(c.operand) } : { [FIELDS[c.target]]: int64(c.operand) };
  return {
    key: encode(c.key),
    ...(end === undefined ? {} : { range_end: end }),
    target: TARGETS[c.target],
    result: RESULTS[c.result],
    ...operand,
  };
}

export function opRequest(op: Op): Json {
  if ("put" in op) {
    const { key, value, lease } = op.put;
    return {
      request_put: {
        key: encode(key),
        value: encode(value),
        ...(lease ? { lease: int64(lease) } : {}),
      },
    };
  }
  if ("delete" in op) {
    const end = rangeEndOf(op.delete.key, op.delete);
    return {
      request_delete_range: {
        key: encode(op.delete.key),
        ...(end === undefined ? {} : { range_end: end }),
      },
    };
  }
  return {
    request_range: rangeRequest(op.range.key, op.range, rangeEndOf(op.range.key, op.range)),
  };
}

export function opResultOf(response: Json): OpResult {
  if (response.response_put !== undefined) {
    const header = ((response.response_put as Json).header ?? {}) as Json;
    return { put: { revision: int64(header.revision) } };
  }
  if (response.response_delete_range !== undefined) {
    return { delete: { deleted: int64((response.response_delete_range as Json).deleted) } };
  }
  return { range: rangeResultOf((response.response_range ?? {}) as Json) };
}
