import type { PoolSpec } from "@zmgr/ipam";
import type { Pool } from "@zmgr/kdl-schema";

/** A registry pool (kdl-schema) as the address-math spec of @zmgr/ipam. */
export function poolSpecOf(pool: Pool): PoolSpec {
  const spec: PoolSpec = { name: pool.name, network: pool.network, reserve: [...pool.reserve] };
  if (pool.gateway !== undefined) spec.gateway = pool.gateway;
  if (pool.mode.kind === "range") spec.range = { start: pool.mode.start, end: pool.mode.end };
  else spec.addresses = [...pool.mode.addresses];
  return spec;
}
