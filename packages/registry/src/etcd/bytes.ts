/** Keys and values travel base64-encoded in etcd's JSON gateway. */
export function encode(text: string | Uint8Array): string {
  return Buffer.from(typeof text === "string" ? Buffer.from(text, "utf8") : text).toString(
    "base64",
  );
}

export function decode(base64: string | undefined): string {
  return base64 === undefined ? "" : Buffer.from(base64, "base64").toString("utf8");
}

/**
 * The range end that selects every key starting with `prefix` (etcd's `GetPrefixRangeEnd`): the
 * prefix with its last byte below 0xff incremented and everything after it dropped. A prefix of
 * only 0xff bytes (or an empty one) has no end: `"\0"`, meaning "to the last key".
 */
export function prefixEnd(prefix: string | Uint8Array): Uint8Array {
  const bytes = typeof prefix === "string" ? Buffer.from(prefix, "utf8") : Buffer.from(prefix);
  for (let i = bytes.length - 1; i >= 0; i--) {
    if (bytes[i]! < 0xff) {
      const end = Buffer.from(bytes.subarray(0, i + 1));
      end[i] = bytes[i]! + 1;
      return end;
    }
  }
  return Uint8Array.of(0);
}

/** The smallest key after `key`: `key` + a zero byte (the next page of a range starts there). */
export function keyAfter(key: Uint8Array): Uint8Array {
  return Buffer.concat([key, Uint8Array.of(0)]);
}

/** int64 fields come as decimal strings (or are omitted when zero); they stay strings. */
export function int64(value: unknown): string {
  if (value === undefined) return "0";
  if (typeof value === "string" && /^-?[0-9]+$/.test(value)) return value;
  throw new TypeError(`etcd sent ${JSON.stringify(value)} where an int64 string belongs`);
}
