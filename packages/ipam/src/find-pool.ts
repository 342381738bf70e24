import { parseAddress } from "./address.js";
import type { IpPool } from "./pool.js";

/** findPool's result; JSON-safe (IpPool has a toJSON). */
export interface FoundPool {
  pool: IpPool;
  match: "allocatable" | "network";
}

/**
 * The pool an address belongs to: the first pool whose allocatable set holds it, else the first
 * whose network holds it, else undefined. Accepts "a" or "a/p" (the prefix is ignored).
 */
export function findPool(pools: readonly IpPool[], addr: string): FoundPool | undefined {
  const p = parseAddress(addr);
  if (p === undefined) return undefined;
  const same = pools.filter((pool) => pool.family === p.family);
  const allocatable = same.find((pool) => pool.has(p.value));
  if (allocatable) return { pool: allocatable, match: "allocatable" };
  const network = same.find((pool) => p.value >= pool.network.base && p.value <= pool.network.last);
  return network ? { pool: network, match: "network" } : undefined;
}
