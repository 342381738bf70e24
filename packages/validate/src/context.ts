import type { LinkInfo, ZoneListEntry } from "@zmgr/illumos-exec";
import { canonicalAddress, findPool, IpPool } from "@zmgr/ipam";
import type { Pool } from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";
import { sortedKeys } from "./diagnostic.js";
import { poolSpecOf } from "./pool-spec.js";
import type { HostFacts } from "./types.js";

export interface PoolEntry {
  name: string;
  file: string;
  pool: Pool;
  /** Absent when the pool itself is invalid (its own diagnostics say why). */
  ip?: IpPool;
}

/** Where an address (or a VNIC name) is first held: zone, net index, address index. */
export interface Use {
  zone: string;
  net: number;
  index: number;
}

export interface HostIndex {
  zones: Map<string, ZoneListEntry>;
  links: Map<string, LinkInfo>;
  vnics: Set<string>;
}

/**
 * Everything the rules look up, built once per run in O(n) over the registry: pools by name,
 * the address ledger (canonical address → first holder), VNIC owners, and the host's facts
 * as maps. Both `validateSnapshot` and `validateProposedZone` build one and pass it to the rules.
 */
export interface RuleContext {
  snapshot: Snapshot;
  pools: Map<string, PoolEntry>;
  ipPools: IpPool[];
  zoneNames: string[];
  addressOwners: Map<string, Use>;
  vnicOwners: Map<string, Use>;
  stubs: Map<string, string>;
  host?: HostIndex;
  /** Which pool holds an address (memoised `findPool`). */
  poolOf(address: string): ReturnType<typeof findPool>;
}

/** The ledger key of an address: canonical, without prefix length. */
export function addressKey(address: string): string {
  const bare = address.split("/")[0] ?? address;
  try {
    return canonicalAddress(bare);
  } catch {
    return bare.toLowerCase();
  }
}

export function buildContext(snapshot: Snapshot, host?: HostFacts): RuleContext {
  const pools = new Map<string, PoolEntry>();
  const ipPools: IpPool[] = [];
  const stubs = new Map<string, string>();
  for (const name of sortedKeys(snapshot.pools)) {
    const file = snapshot.pools.get(name)!;
    const pool = file.parsed.value;
    if (!pool) continue;
    const entry: PoolEntry = { name, file: file.path, pool };
    try {
      entry.ip = IpPool.from(poolSpecOf(pool));
      ipPools.push(entry.ip);
    } catch {
      // an invalid pool: checkPoolSanity reports it
    }
    pools.set(name, entry);
    if (!stubs.has(pool.stub)) stubs.set(pool.stub, name);
  }
  const zoneNames = sortedKeys(snapshot.zones);
  const addressOwners = new Map<string, Use>();
  const vnicOwners = new Map<string, Use>();
  for (const zone of zoneNames) {
    const value = snapshot.zones.get(zone)!.parsed.value;
    if (!value) continue;
    value.nets.forEach((net, n) => {
      net.addresses.forEach((address, index) => {
        const key = addressKey(address);
        if (!addressOwners.has(key)) addressOwners.set(key, { zone, net: n, index });
      });
      if (net.vnic !== undefined && !vnicOwners.has(net.vnic)) {
        vnicOwners.set(net.vnic, { zone, net: n, index: 0 });
      }
    });
  }
  const cache = new Map<string, ReturnType<typeof findPool>>();
  const ctx: RuleContext = {
    snapshot,
    pools,
    ipPools,
    zoneNames,
    addressOwners,
    vnicOwners,
    stubs,
    poolOf(address) {
      const key = addressKey(address);
      if (cache.has(key)) return cache.get(key);
      let found: ReturnType<typeof findPool>;
      try {
        found = findPool(ipPools, key);
      } catch {
        found = undefined;
      }
      cache.set(key, found);
      return found;
    },
  };
  if (host) ctx.host = indexHost(host);
  return ctx;
}

export function indexHost(host: HostFacts): HostIndex {
  const vnics = new Set<string>(host.vnics.map((v) => v.link));
  const links = new Map<string, LinkInfo>();
  for (const l of host.links) {
    links.set(l.link, l);
    if (l.class === "vnic") vnics.add(l.link);
  }
  return { zones: new Map(host.zones.map((z) => [z.name, z])), links, vnics };
}
