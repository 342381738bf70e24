import type { Diagnostic } from "@zmgr/errors";
import type { ZonecfgInfo } from "@zmgr/illumos-exec";
import { type Family, formatAddress, type IpPool, parseAddress } from "@zmgr/ipam";
import type { Snapshot } from "@zmgr/registry";
import { sortedKeys } from "./diagnostic.js";
import type { HostFacts } from "./types.js";

/** Who holds an address: a finished registry zone, a reservation, or a zone seen only on the host. */
export type HoldKind = "zone" | "reservation" | "host";

/** One holding of one address. `net`/`index` place it in the registry document (not for host). */
export interface Holding {
  /** Canonical text without prefix length (RFC 5952 for IPv6); the raw text when not an address. */
  address: string;
  /** `<family>:<value>` for addresses, `text:<raw>` otherwise: equal for equal addresses. */
  key: string;
  family?: Family;
  value?: bigint;
  zone: string;
  kind: HoldKind;
  net?: number;
  index?: number;
}

/**
 * The used set: every address held by a zone document (reservations included), plus the live
 * addresses (`zonecfg info`) of every host zone given in the host facts. The first holder of an
 * address is the first in zone-name order, registry holdings before host ones.
 */
export interface Ledger {
  holdings: Holding[];
  /** key → its holders, first holder first */
  byKey: Map<string, Holding[]>;
  /** Diagnostics of zone documents that cannot be parsed: their addresses are unknown. */
  unreadable: Diagnostic[];
  /** Paths of those documents. */
  unreadableFiles: string[];
  /** Registered zones whose document is unusable (parse error), by zone (file) name. */
  unusableZones: Set<string>;
}

function holding(text: string, zone: string, kind: HoldKind, net?: number, index?: number) {
  const p = parseAddress(text);
  const h: Holding = p
    ? {
        address: formatAddress(p.family, p.value),
        key: `${p.family}:${p.value}`,
        family: p.family,
        value: p.value,
        zone,
        kind,
      }
    : { address: text, key: `text:${text.toLowerCase()}`, zone, kind };
  if (net !== undefined) h.net = net;
  if (index !== undefined) h.index = index;
  return h;
}

/**
 * Addresses configured in one `zonecfg info`: exclusive `allowed-address`, shared `address`, and
 * an lx zone's `property (name=ips,…)` lines (OmniOS, SmartOS), where its addresses may live alone.
 */
export function liveAddresses(info: ZonecfgInfo): string[] {
  const out: string[] = [];
  for (const net of info.nets) {
    for (const value of [net.allowedAddress, net.address, net.properties?.ips]) {
      for (const a of (value ?? "").split(",")) if (a.trim() !== "") out.push(a.trim());
    }
  }
  return out;
}

/**
 * The one ledger (SPEC §3.5): registry snapshot + host facts → used set. Zone documents are read
 * in name order; `host.zoneConfigs` (whatever the caller gathered: unregistered zones, zones
 * whose document is unusable) add their live addresses as `host` holdings, also when the zone
 * has a registry document (then both count: the union never frees an address either side holds).
 */
export function buildLedger(snapshot: Snapshot, host?: Pick<HostFacts, "zoneConfigs">): Ledger {
  const holdings: Holding[] = [];
  const unusableZones = new Set<string>();
  const unreadableFiles: string[] = [];
  for (const name of sortedKeys(snapshot.zones)) {
    const file = snapshot.zones.get(name)!;
    const zone = file.parsed.value;
    if (!zone) {
      unusableZones.add(name);
      unreadableFiles.push(file.path);
      continue;
    }
    const kind: HoldKind = zone.status ? "reservation" : "zone";
    zone.nets.forEach((net, n) => {
      net.addresses.forEach((text, i) => {
        holdings.push(holding(text, name, kind, n, i));
      });
    });
  }
  const configs = host?.zoneConfigs;
  if (configs) {
    for (const name of [...configs.keys()].sort()) {
      for (const text of liveAddresses(configs.get(name)!)) {
        holdings.push(holding(text, name, "host"));
      }
    }
  }
  const byKey = new Map<string, Holding[]>();
  for (const h of holdings) {
    const list = byKey.get(h.key);
    if (list) list.push(h);
    else byKey.set(h.key, [h]);
  }
  const files = new Set(unreadableFiles);
  const unreadable = snapshot.diagnostics.filter(
    (d) => d.severity === "error" && d.file !== undefined && files.has(d.file),
  );
  return { holdings, byKey, unreadable, unreadableFiles, unusableZones };
}

/** Every used address (canonical text, one per distinct address), for `IpPool.allocate`. */
export function usedAddresses(ledger: Ledger): string[] {
  const out: string[] = [];
  for (const list of ledger.byKey.values()) {
    const first = list[0]!;
    if (first.value !== undefined) out.push(first.address);
  }
  return out;
}

/** The first holder of each address in a pool's allocatable set, in address order. */
export function usedInPool(ledger: Ledger, pool: IpPool): Holding[] {
  const out: Holding[] = [];
  for (const list of ledger.byKey.values()) {
    const first = list[0]!;
    if (first.family === pool.family && first.value !== undefined && pool.has(first.value)) {
      out.push(first);
    }
  }
  return out.sort((a, b) => (a.value! < b.value! ? -1 : a.value! > b.value! ? 1 : 0));
}

/** The holders of one address text (empty when free). */
export function holdersOf(ledger: Ledger, text: string): Holding[] {
  return ledger.byKey.get(holding(text, "", "zone").key) ?? [];
}
