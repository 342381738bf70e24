import { type Family, parseAddress } from "./address.js";
import { fastV4Value } from "./fast-v4.js";

/** The used addresses of one pool, sorted: what allocation and utilisation read. */
export interface UsedIndex {
  /** Ascending, unique. */
  values(): bigint[];
  has(value: bigint): boolean;
  /** Up to `count` lowest values of [start, end] that are not used, not in `excluded` (ascending) nor in `skip`. */
  lowestFree(
    start: bigint,
    end: bigint,
    excluded: readonly bigint[],
    count: number,
    skip: ReadonlySet<bigint>,
  ): bigint[];
}

/**
 * Indexes the used addresses of one family that fall in [lo, hi]. Accepts "a" or "a/p" in any
 * text form; other families and unparsable entries are skipped. IPv4 is kept as a sorted
 * Float64Array (exact for 32-bit values, sorted natively: a /16 with 60,000 used stays far
 * below 20 ms), IPv6 as a sorted bigint array. Cost: O(u log u) for u used addresses.
 */
export function indexUsed(
  used: Iterable<string>,
  family: Family,
  lo: bigint,
  hi: bigint,
): UsedIndex {
  return family === 4 ? indexV4(used, Number(lo), Number(hi)) : indexV6(used, lo, hi);
}

function indexV4(used: Iterable<string>, lo: number, hi: number): UsedIndex {
  const texts = Array.isArray(used) ? (used as string[]) : [...used];
  const buf = new Float64Array(texts.length);
  let k = 0;
  for (const text of texts) {
    let n = fastV4Value(text);
    if (n < 0) {
      const p = parseAddress(text);
      if (p === undefined || p.family !== 4) continue;
      n = Number(p.value);
    }
    if (n >= lo && n <= hi) buf[k++] = n;
  }
  const sorted = buf.subarray(0, k).sort();
  const has = (n: number): boolean => {
    let a = 0;
    let b = sorted.length - 1;
    while (a <= b) {
      const mid = (a + b) >> 1;
      const m = sorted[mid]!;
      if (m === n) return true;
      if (m < n) a = mid + 1;
      else b = mid - 1;
    }
    return false;
  };
  return {
    values: () =>
      sorted
        .filter((n, i) => i === 0 || sorted[i - 1] !== n)
        .reduce<bigint[]>((acc, n) => {
          acc.push(BigInt(n));
          return acc;
        }, []),
    has: (v) => has(Number(v)),
    lowestFree(start, end, excluded, count, skip) {
      const ex = excluded.map(Number);
      const sk = new Set([...skip].map(Number));
      const out: bigint[] = [];
      const last = Number(end);
      let c = Number(start);
      let i = 0;
      let j = 0;
      while (out.length < count && c <= last) {
        while (i < sorted.length && sorted[i]! < c) i++;
        while (j < ex.length && ex[j]! < c) j++;
        if (sorted[i] !== c && ex[j] !== c && (sk.size === 0 || !sk.has(c))) out.push(BigInt(c));
        c++;
      }
      return out;
    },
  };
}

function indexV6(used: Iterable<string>, lo: bigint, hi: bigint): UsedIndex {
  const vals: bigint[] = [];
  for (const text of used) {
    const p = parseAddress(text);
    if (p !== undefined && p.family === 6 && p.value >= lo && p.value <= hi) vals.push(p.value);
  }
  const sorted = sortUnique(vals);
  return {
    values: () => sorted,
    has: (v) => binaryHas(sorted, v),
    lowestFree: (start, end, excluded, count, skip) =>
      lowestFree(start, end, sorted, excluded, count, skip),
  };
}

export function sortUnique(values: bigint[]): bigint[] {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: bigint[] = [];
  for (const v of sorted) if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  return out;
}

function binaryHas(sorted: readonly bigint[], v: bigint): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = sorted[mid]!;
    if (m === v) return true;
    if (m < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Up to `count` lowest values of [start, end] that are in none of `a`, `b` (both ascending)
 * nor `skip`. Steps over blocked values only: cost is O(|a| + |b| + count), never the size of
 * the range.
 */
export function lowestFree(
  start: bigint,
  end: bigint,
  a: readonly bigint[],
  b: readonly bigint[],
  count: number,
  skip: ReadonlySet<bigint> = new Set(),
): bigint[] {
  const out: bigint[] = [];
  let c = start;
  let i = 0;
  let j = 0;
  while (out.length < count && c <= end) {
    while (i < a.length && a[i]! < c) i++;
    while (j < b.length && b[j]! < c) j++;
    if (a[i] !== c && b[j] !== c && !skip.has(c)) out.push(c);
    c++;
  }
  return out;
}

export function bigMax(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

export function bigMin(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
