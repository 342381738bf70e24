import { formatAddress } from "./address.js";
import type { IpPool } from "./pool.js";
import { bigMax, bigMin, lowestFree } from "./used.js";

/**
 * An address in both pools' allocatable sets, or undefined when they are disjoint (or of
 * different families). Two range pools: the lowest shared address, found by interval math minus
 * both pools' excluded points (no enumeration). With a list pool: the first of its addresses
 * (file order) that the other pool holds.
 */
export function intersection(a: IpPool, b: IpPool): string | undefined {
  if (a.family !== b.family) return undefined;
  let hit: bigint | undefined;
  if (a.range && b.range) {
    const start = bigMax(a.range.start, b.range.start);
    const end = bigMin(a.range.end, b.range.end);
    if (start <= end) hit = lowestFree(start, end, a.excluded, b.excluded, 1)[0];
  } else {
    const [listed, other] = a.list ? [a, b] : [b, a];
    hit = listed.list?.find((v) => other.has(v));
  }
  return hit === undefined ? undefined : formatAddress(a.family, hit);
}
