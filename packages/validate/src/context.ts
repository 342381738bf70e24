import type { LinkInfo, ZoneListEntry } from "@zmgr/illumos-exec";
import { type Family, formatAddress, IpPool, parseAddress } from "@zmgr/ipam";
import type { Pool } from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";
import { sortedKeys } from "./diagnostic.js";
import { buildLedger, type Ledger } from "./ledger.js";
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

/** The first holder of an address, with the address (absent for texts that are not addresses). */
export interface AddressUse extends Use {
  addr?: Addr;
}

/** An address parsed once: `key` identifies it across spellings (`2001:DB8::1` = `2001:db8::1`). */
export interface Addr {
  key: string;
  family: Family;
  value: bigint;
}

export interface PoolMatch {
  pool: IpPool;
  match: "allocatable" | "network";
}

export interface HostIndex {
  zones: Map<string, ZoneListEntry>;
  links: Map<string, LinkInfo>;
  /** VNIC name → the link it is over ("" when unknown) */
  vnics: Map<string, string>;
}

/**
 * Everything the rules look up, built once per run in O(n) over the registry: pools by name,
 * the address ledger (address key → first holder), VNIC owners, the host's facts as maps, and
 * memoised address parsing and pool lookup (each distinct address text is parsed once).
 * Both `validateSnapshot` and `validateProposedZone` build one and pass it to the same rules.
 */
export interface RuleContext {
  snapshot: Snapshot;
  pools: Map<string, PoolEntry>;
  zoneNames: string[];
  /** The used set (registry + the host's zoneConfigs): the one ledger, see ledger.ts */
  ledger: Ledger;
  /** Registry holdings only: address key → first holder (in zone-name order) */
  addressOwners: Map<string, AddressUse>;
  vnicOwners: Map<string, Use>;
  /** false when a pool file is unparsable or refused by ipam (membership cannot be judged) */
  allPoolsUsable: boolean;
  /** stub link name → first pool using it */
  stubs: Map<string, string>;
  host?: HostIndex;
  /** Parse an address text ("a" or "a/p"); undefined when it is not one. */
  addr(text: string): Addr | undefined;
  /** The pool holding an address: allocatable set first, then network (as ipam `findPool`). */
  poolOf(a: Addr): PoolMatch | undefined;
}

/** Canonical text of an address without its prefix length (RFC 5952 for IPv6). */
export function addressText(a: Addr): string {
  return formatAddress(a.family, a.value);
}

/** The ledger key of an address text: canonical, without prefix length (the text itself if invalid). */
export function addressKey(text: string): string {
  const p = parseAddress(text);
  return p === undefined ? text.toLowerCase() : formatAddress(p.family, p.value);
}

function loadPools(snapshot: Snapshot) {
  const pools = new Map<string, PoolEntry>();
  const stubs = new Map<string, string>();
  for (const name of sortedKeys(snapshot.pools)) {
    const pool = snapshot.pools.get(name)!.parsed.value;
    if (!pool) continue;
    const entry: PoolEntry = { name, file: snapshot.pools.get(name)!.path, pool };
    try {
      entry.ip = IpPool.from(poolSpecOf(pool));
    } catch {
      // an invalid pool: checkPoolSanity reports it
    }
    pools.set(name, entry);
    if (!stubs.has(pool.stub)) stubs.set(pool.stub, name);
  }
  return { pools, stubs };
}

export function buildContext(snapshot: Snapshot, host?: HostFacts): RuleContext {
  const { pools, stubs } = loadPools(snapshot);
  const ipPools = [...pools.values()].flatMap((e) => (e.ip ? [e.ip] : []));
  const parsed = new Map<string, Addr | undefined>();
  const matches = new Map<string, PoolMatch | undefined>();
  const addr = (text: string): Addr | undefined => {
    if (parsed.has(text)) return parsed.get(text);
    const p = parseAddress(text);
    const a = p && { key: `${p.family}:${p.value}`, family: p.family, value: p.value };
    parsed.set(text, a);
    return a;
  };
  const poolOf = (a: Addr): PoolMatch | undefined => {
    if (matches.has(a.key)) return matches.get(a.key);
    const same = ipPools.filter((p) => p.family === a.family);
    const allocatable = same.find((p) => p.has(a.value));
    const found: PoolMatch | undefined = allocatable
      ? { pool: allocatable, match: "allocatable" }
      : (() => {
          const net = same.find((p) => a.value >= p.network.base && a.value <= p.network.last);
          return net && { pool: net, match: "network" as const };
        })();
    matches.set(a.key, found);
    return found;
  };

  const zoneNames = sortedKeys(snapshot.zones);
  const ledger = buildLedger(snapshot, host);
  const addressOwners = new Map<string, AddressUse>();
  for (const h of ledger.holdings) {
    if (h.kind === "host" || h.net === undefined || h.index === undefined) continue;
    const key = h.value === undefined ? h.address : h.key;
    if (addressOwners.has(key)) continue;
    const use: AddressUse = { zone: h.zone, net: h.net, index: h.index };
    if (h.family !== undefined && h.value !== undefined)
      use.addr = { key: h.key, family: h.family, value: h.value };
    addressOwners.set(key, use);
  }
  const vnicOwners = new Map<string, Use>();
  for (const zone of zoneNames) {
    const value = snapshot.zones.get(zone)!.parsed.value;
    if (!value) continue;
    value.nets.forEach((net, n) => {
      if (net.vnic !== undefined && !vnicOwners.has(net.vnic)) {
        vnicOwners.set(net.vnic, { zone, net: n, index: 0 });
      }
    });
  }
  const ctx: RuleContext = {
    snapshot,
    pools,
    zoneNames,
    ledger,
    addressOwners,
    vnicOwners,
    allPoolsUsable: ipPools.length === snapshot.pools.size,
    stubs,
    addr,
    poolOf,
  };
  if (host) ctx.host = indexHost(host);
  return ctx;
}

export function indexHost(host: HostFacts): HostIndex {
  const vnics = new Map<string, string>(host.vnics.map((v) => [v.link, v.over]));
  const links = new Map<string, LinkInfo>();
  for (const l of host.links) {
    links.set(l.link, l);
    if (l.class === "vnic" && !vnics.has(l.link)) vnics.set(l.link, l.over);
  }
  return { zones: new Map(host.zones.map((z) => [z.name, z])), links, vnics };
}
