import { type Family, parseAddress } from "./address.js";
import { fastV4 } from "./fast-v4.js";

/**
 * The used addresses of one family as numbers, sorted ascending, without duplicates, limited to
 * [lo, hi]. Accepts "a" or "a/p" in any text form; other families and unparsable entries are
 * skipped. IPv4 sorts as doubles in a typed array (exact below 2^53), IPv6 as bigints.
 */
export function sortedUsed(
  used: Iterable<string>,
  family: Family,
  lo: bigint,
  hi: bigint,
): bigint[] {
  if (family === 4) {
    const nums: number[] = [];
    const l = Number(lo);
    const h = Number(hi);
    for (const text of used) {
      const fast = fastV4(text);
      let n: number;
      if (fast !== undefined) n = fast.value;
      else {
        const p = parseAddress(text);
        if (p === undefined || p.family !== 4) continue;
        n = Number(p.value);
      }
      if (n >= l && n <= h) nums.push(n);
    }
    const sorted = Float64Array.from(nums).sort();
    const out: bigint[] = [];
    let prev = -1;
    for (const n of sorted) {
      if (n !== prev) out.push(BigInt(n));
      prev = n;
    }
    return out;
  }
  const vals: bigint[] = [];
  for (const text of used) {
    const p = parseAddress(text);
    if (p !== undefined && p.family === 6 && p.value >= lo && p.value <= hi) vals.push(p.value);
  }
  return sortUnique(vals);
}

export function sortUnique(values: bigint[]): bigint[] {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: bigint[] = [];
  for (const v of sorted) if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  return out;
}

/**
 * Up to `count` lowest values of [start, end] that are in none of `a`, `b` (both ascending,
 * unique) nor `skip`. Steps over blocked values only: cost is O(|a| + |b| + count), never the
 * size of the range.
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
    if (a[i] === c || b[j] === c || skip.has(c)) {
      c++;
      continue;
    }
    out.push(c);
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
