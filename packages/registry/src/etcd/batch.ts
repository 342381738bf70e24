import type { EtcdClient } from "./client.js";
import type { Compare, Op } from "./messages.js";

/** Under etcd's 128 entries per list and 1.5 MiB per request, with room for the JSON around them. */
export const BATCH_OPS = 120;
export const BATCH_BYTES = 1024 * 1024;

/** One unit of a batched write: its compares and ops always travel in the same txn. */
export interface BatchItem {
  compare?: Compare[];
  ops: Op[];
}

function sizeOf(item: BatchItem): number {
  let bytes = 0;
  for (const op of item.ops) {
    const body =
      "put" in op ? op.put.key + op.put.value : "delete" in op ? op.delete.key : op.range.key;
    bytes += Buffer.byteLength(body) * 1.4 + 64; // base64 and field names
  }
  for (const c of item.compare ?? []) bytes += Buffer.byteLength(c.key + c.operand) * 1.4 + 64;
  return bytes;
}

/**
 * Sends the items in as few txns as fit etcd's limits (never one over them). Answers how many
 * txns failed their compares (their items were not applied).
 */
export async function sendBatched(client: EtcdClient, items: BatchItem[]): Promise<number> {
  let failed = 0;
  let compare: Compare[] = [];
  let success: Op[] = [];
  let bytes = 0;
  const flush = async () => {
    if (success.length === 0 && compare.length === 0) return;
    const result = await client.txn({ compare, success });
    if (!result.succeeded) failed++;
    compare = [];
    success = [];
    bytes = 0;
  };
  for (const item of items) {
    const size = sizeOf(item);
    const nCompare = item.compare?.length ?? 0;
    if (
      success.length + item.ops.length > BATCH_OPS ||
      compare.length + nCompare > BATCH_OPS ||
      bytes + size > BATCH_BYTES
    ) {
      await flush();
    }
    compare.push(...(item.compare ?? []));
    success.push(...item.ops);
    bytes += size;
  }
  await flush();
  return failed;
}
