/** JSON form of a Utilisation: the bigint counts as decimal strings. */
export interface UtilisationJson {
  size: string;
  used: number;
  free: string;
  percent: number;
  usedAddresses: string[];
}

/**
 * How much of a pool's allocatable set is used. `size` and `free` are bigints (an IPv6 /64 holds
 * 2^64 − 1 addresses); `toJSON()` writes them as decimal strings, so `JSON.stringify` works and
 * every field has one JSON type whatever the pool's size.
 */
export class Utilisation {
  readonly size: bigint;
  /** Number of used addresses (a count of given texts: always a safe integer). */
  readonly used: number;
  readonly free: bigint;
  /** used / size × 100 (100 for a pool of size 0: nothing is left to hand out). */
  readonly percent: number;
  /** Canonical addresses (no prefix) of the allocatable set that are used, ascending. */
  readonly usedAddresses: string[];

  constructor(size: bigint, usedAddresses: string[]) {
    const n = usedAddresses.length;
    this.size = size;
    this.used = n;
    this.free = size - BigInt(n);
    this.percent = size === 0n ? 100 : (n / Number(size)) * 100;
    this.usedAddresses = usedAddresses;
  }

  toJSON(): UtilisationJson {
    return {
      size: this.size.toString(),
      used: this.used,
      free: this.free.toString(),
      percent: this.percent,
      usedAddresses: [...this.usedAddresses],
    };
  }
}
