import { IpPool, type PoolSpec } from "@zmgr/ipam";
import type { Pool } from "@zmgr/kdl-schema";

/** A registry pool as @zmgr/ipam's address-math pool (throws zmgr::pool::invalid when unusable). */
export function ipPoolOf(pool: Pool): IpPool {
  const spec: PoolSpec = { name: pool.name, network: pool.network, reserve: [...pool.reserve] };
  if (pool.gateway !== undefined) spec.gateway = pool.gateway;
  if (pool.mode.kind === "range") spec.range = { start: pool.mode.start, end: pool.mode.end };
  else spec.addresses = [...pool.mode.addresses];
  return IpPool.from(spec);
}
