import { findPool, IpPool } from "@zmgr/ipam";
import type { Snapshot } from "@zmgr/registry";
import { poolSpecOf } from "@zmgr/validate";

export interface PoolIndex {
  pools: IpPool[];
  /** Pool files that could not be used for matching. */
  warnings: string[];
}

export interface PoolMatch {
  pool: string;
  /** `allocatable`: in the pool's allocatable set; `network`: only inside its network. */
  match: "allocatable" | "network";
  prefixLength: number;
}

/** Builds every usable pool of the registry once; unusable ones become warnings. */
export function buildPoolIndex(snapshot: Snapshot): PoolIndex {
  const pools: IpPool[] = [];
  const warnings: string[] = [];
  for (const [name, file] of [...snapshot.pools].sort(([a], [b]) => a.localeCompare(b))) {
    const value = file.parsed.value;
    if (!value) {
      warnings.push(`${file.path} cannot be read, so no address was matched to pool ${name}`);
      continue;
    }
    try {
      pools.push(IpPool.from(poolSpecOf(value)));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      warnings.push(`pool ${name} is invalid (${why}), so no address was matched to it`);
    }
  }
  return { pools, warnings };
}

/** The pool whose allocatable set holds the address, else the pool whose network holds it. */
export function matchPool(index: PoolIndex, address: string): PoolMatch | undefined {
  const found = findPool(index.pools, address);
  if (!found) return undefined;
  return { pool: found.pool.name, match: found.match, prefixLength: found.pool.prefixLength };
}
