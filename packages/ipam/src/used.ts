import { type Family, parseAddress } from "./address.js";

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
      const p = parseAddress(text);
      if (p === undefined || p.family !== 4) continue;
      const n = Number(p.value);
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

/** Merges two ascending unique lists into one ascending unique list. */
export function mergeSorted(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  const out: bigint[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    let v: bigint;
    if (y === undefined || (x !== undefined && x < y)) {
      v = x!;
      i++;
    } else if (x === undefined || y < x) {
      v = y;
      j++;
    } else {
      v = x;
      i++;
      j++;
    }
    if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
  }
  return out;
}

/**
 * Up to `count` lowest values of [start, end] that are not in `blocked` (ascending, unique)
 * nor in `skip`. Steps over blocked values only: cost is O(blocked + count), never the range.
 */
export function lowestFree(
  start: bigint,
  end: bigint,
  blocked: readonly bigint[],
  count: number,
  skip: ReadonlySet<bigint> = new Set(),
): bigint[] {
  const out: bigint[] = [];
  let c = start;
  let i = 0;
  while (out.length < count && c <= end) {
    while (i < blocked.length && blocked[i]! < c) i++;
    if ((i < blocked.length && blocked[i] === c) || skip.has(c)) {
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
