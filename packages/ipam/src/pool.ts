import { type Family, formatAddress, parseAddress } from "./address.js";
import {
  AddressInUseError,
  AddressNotAllocatableError,
  InvalidPoolError,
  PoolExhaustedError,
} from "./errors.js";
import type { Network } from "./network.js";
import { analysePool, type PoolSpec } from "./pool-spec.js";
import { indexUsed, sortUnique, type UsedIndex } from "./used.js";
import { Utilisation } from "./utilisation.js";

/** JSON form of an IpPool: bigints as decimal strings, values as canonical address text. */
export interface IpPoolJson {
  name: string;
  family: Family;
  mode: "range" | "list";
  network: string;
  prefixLength: number;
  size: string;
  excluded: string[];
  range?: { start: string; end: string };
  list?: string[];
}

/** A validated pool, built once and reused: membership, allocation, utilisation. */
export class IpPool {
  readonly name: string;
  readonly family: Family;
  readonly prefixLength: number;
  readonly size: bigint;
  readonly mode: "range" | "list";
  readonly network: Network;
  /** network, IPv4 broadcast, gateway and reserve: never allocatable (ascending, unique). */
  readonly excluded: readonly bigint[];
  /** Range mode: the inclusive range. */
  readonly range: { readonly start: bigint; readonly end: bigint } | undefined;
  /** List mode: the allocatable addresses in file order (excluded ones and repeats dropped). */
  readonly list: readonly bigint[] | undefined;
  readonly #excludedSet: ReadonlySet<bigint>;
  readonly #listSet: ReadonlySet<bigint> | undefined;

  private constructor(spec: PoolSpec) {
    const { problems, compiled: c } = analysePool(spec);
    if (c === undefined) {
      throw new InvalidPoolError(
        spec.name,
        problems.filter((p) => p.severity === "error"),
      );
    }
    this.name = c.name;
    this.family = c.family;
    this.network = c.net;
    this.prefixLength = c.net.prefix;
    const ex = [c.net.base, ...c.reserve];
    if (c.net.broadcast !== undefined) ex.push(c.net.broadcast);
    if (c.gateway !== undefined) ex.push(c.gateway);
    this.excluded = sortUnique(ex);
    this.#excludedSet = new Set(this.excluded);
    if (c.range !== undefined) {
      const { start, end } = c.range;
      this.mode = "range";
      this.range = { start, end };
      this.list = undefined;
      const inside = this.excluded.filter((v) => v >= start && v <= end).length;
      this.size = end - start + 1n - BigInt(inside);
    } else {
      this.mode = "list";
      this.range = undefined;
      const seen = new Set<bigint>();
      const list: bigint[] = [];
      for (const v of c.list ?? []) {
        if (seen.has(v) || this.#excludedSet.has(v)) continue;
        seen.add(v);
        list.push(v);
      }
      this.list = list;
      this.#listSet = seen;
      this.size = BigInt(list.length);
    }
  }

  /** Throws InvalidPoolError (zmgr::pool::invalid, with `problems`) when validatePool finds an error. */
  static from(spec: PoolSpec): IpPool {
    return new IpPool(spec);
  }

  /** Whether the numeric value is in the allocatable set. */
  has(value: bigint): boolean {
    if (this.#excludedSet.has(value)) return false;
    if (this.range) return value >= this.range.start && value <= this.range.end;
    return this.#listSet?.has(value) ?? false;
  }

  /** In the allocatable set ("a" or "a/p"; the prefix is ignored). */
  contains(addr: string): boolean {
    const p = parseAddress(addr);
    return p !== undefined && p.family === this.family && this.has(p.value);
  }

  /** Inside the pool's network ("a" or "a/p"; the prefix is ignored). */
  inNetwork(addr: string): boolean {
    const p = parseAddress(addr);
    return (
      p !== undefined &&
      p.family === this.family &&
      p.value >= this.network.base &&
      p.value <= this.network.last
    );
  }

  /** Ascending unique used values that are in the allocatable set. */
  usedValues(used: Iterable<string>): bigint[] {
    return this.#index(used)
      .values()
      .filter((v) => this.has(v));
  }

  /** The used values inside the range (range mode) or network (list mode), indexed. */
  #index(used: Iterable<string>): UsedIndex {
    const lo = this.range?.start ?? this.network.base;
    const hi = this.range?.end ?? this.network.last;
    return indexUsed(used, this.family, lo, hi);
  }

  /**
   * Allocates max(count, pinned.length) addresses as "a/p" (pool prefix, canonical text): the
   * pinned ones first, in order, then the lowest free (range) or first free in file order (list).
   * `used` may hold any family and "/p" suffixes. Throws AddressNotAllocatableError,
   * AddressInUseError or PoolExhaustedError; never returns a partial result.
   */
  allocate(used: Iterable<string>, count = 1, pinned: readonly string[] = []): string[] {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
    }
    const index = this.#index(used);
    const taken = new Set<bigint>();
    for (const text of pinned) {
      const p = parseAddress(text);
      if (p === undefined) throw new AddressNotAllocatableError(this.name, text, "not an address");
      if (p.family !== this.family || !this.has(p.value)) {
        throw new AddressNotAllocatableError(this.name, text, this.whyNot(p.value, p.family));
      }
      if (taken.has(p.value) || index.has(p.value)) {
        throw new AddressInUseError(this.name, formatAddress(this.family, p.value));
      }
      taken.add(p.value);
    }
    const need = Math.max(count, pinned.length) - pinned.length;
    let fresh: bigint[] = [];
    if (need > 0) {
      if (this.range) {
        const { start, end } = this.range;
        fresh = index.lowestFree(start, end, this.excluded, need, taken);
      } else {
        for (const v of this.list ?? []) {
          if (fresh.length === need) break;
          if (!index.has(v) && !taken.has(v)) fresh.push(v);
        }
      }
      if (fresh.length < need) {
        const inUse = index.values().filter((v) => this.has(v)).length;
        const free = this.size - BigInt(inUse + taken.size);
        throw new PoolExhaustedError(this.name, this.size, free, need, this.mode);
      }
    }
    return [...taken, ...fresh].map((v) => `${formatAddress(this.family, v)}/${this.prefixLength}`);
  }

  utilisation(used: Iterable<string>): Utilisation {
    const values = this.usedValues(used);
    return new Utilisation(
      this.size,
      values.map((v) => formatAddress(this.family, v)),
    );
  }

  /** `JSON.stringify(pool)`: bigints as decimal strings, values as canonical address text. */
  toJSON(): IpPoolJson {
    const text = (v: bigint) => formatAddress(this.family, v);
    return {
      name: this.name,
      family: this.family,
      mode: this.mode,
      network: `${text(this.network.base)}/${this.prefixLength}`,
      prefixLength: this.prefixLength,
      size: this.size.toString(),
      excluded: this.excluded.map(text),
      ...(this.range
        ? { range: { start: text(this.range.start), end: text(this.range.end) } }
        : {}),
      ...(this.list ? { list: this.list.map(text) } : {}),
    };
  }

  private whyNot(value: bigint, family: Family): string {
    if (family !== this.family) return `pool is IPv${this.family}, address is IPv${family}`;
    const net = this.network;
    if (value < net.base || value > net.last) return "outside the pool's network";
    if (value === net.base) return "it is the network address";
    if (value === net.broadcast) return "it is the broadcast address";
    if (this.#excludedSet.has(value)) return "it is the gateway or a reserved address";
    return this.range ? "outside the pool's range" : "not in the pool's address list";
  }
}
