import type { ZonecfgNet } from "@zmgr/illumos-exec";
import { canonicalAddress, parseAddress } from "@zmgr/ipam";

/** One address of a host net: canonical, prefix kept when zonecfg had one. */
export interface HostAddress {
  /** Canonical address without prefix (RFC 5952 for IPv6). */
  address: string;
  prefix?: number;
  family: 4 | 6;
}

/** The `net` resources of one zone that share a `physical`: one registry net. */
export interface HostNet {
  physical: string;
  addresses: HostAddress[];
  gateways: string[];
  /** OmniOS on-demand VNIC: the link it is created over at boot. */
  globalNic?: string;
}

export interface GroupedNets {
  nets: HostNet[];
  warnings: string[];
  /** A value zmgr cannot record (e.g. a host name instead of an address): the zone is skipped. */
  problems: string[];
}

/**
 * Folds zonecfg `net` resources into registry nets: resources on the same `physical` form one
 * net with several addresses (dual stack, DUALSTACK.md). Exclusive-IP zones take their addresses
 * from `allowed-address`, shared-IP zones from `address`; gateways come from `defrouter`. An
 * exclusive-IP net without allowed-address takes the lx `property` lines instead (`ips`, a comma
 * list; `gateway` when there is no defrouter), with a warning; `dhcp`/`addrconf` there are left
 * to the zone.
 */
export function groupNets(resources: ZonecfgNet[], ipType: "exclusive" | "shared"): GroupedNets {
  const byPhysical = new Map<string, HostNet>();
  const warnings: string[] = [];
  const problems: string[] = [];
  const field = ipType === "exclusive" ? "allowed-address" : "address";
  resources.forEach((resource, index) => {
    const physical = resource.physical?.trim();
    if (!physical) {
      warnings.push(`net resource ${index + 1} has no physical link; it was left out`);
      return;
    }
    let net = byPhysical.get(physical);
    if (!net) {
      net = { physical, addresses: [], gateways: [] };
      byPhysical.set(physical, net);
    }
    const globalNic = resource.globalNic?.trim();
    if (globalNic && globalNic !== "auto" && !net.globalNic) net.globalNic = globalNic;
    const own = (ipType === "exclusive" ? resource.allowedAddress : resource.address)?.trim();
    // OmniOS/SmartOS lx zones carried their addresses in `property` lines before allowed-address.
    const lx = ipType === "exclusive" && !own ? lxAddressing(resource) : undefined;
    const raw = own || lx?.ips;
    const values = raw ? splitList(raw) : [];
    if (own && values.length > 1) {
      warnings.push(
        `${field} of ${physical} holds a list (${raw}); illumos applies only the first at boot, each address was imported`,
      );
    }
    if (lx?.ips) {
      warnings.push(
        `${physical} has no ${field}: its addresses come from its lx \`property (name=ips,value="${lx.ips}")\` line`,
      );
    }
    for (const value of values) {
      if (lx && INSIDE_ZONE.has(value)) {
        warnings.push(`${physical} gets an address by ${value} inside the zone: not recorded`);
        continue;
      }
      const address = readAddress(value);
      const from = own ? field : "ips property";
      if (!address) problems.push(`${from} "${value}" of ${physical} is not a numeric IP address`);
      else if (!net.addresses.some((a) => a.address === address.address)) {
        net.addresses.push(address);
      }
    }
    const router = resource.defrouter?.trim() || lx?.gateway;
    if (router) {
      const gateway = readAddress(router.split(",")[0] ?? router);
      if (!gateway)
        problems.push(`defrouter "${router}" of ${physical} is not a numeric IP address`);
      else if (!net.gateways.includes(gateway.address)) net.gateways.push(gateway.address);
    }
  });
  const nets = [...byPhysical.values()];
  for (const net of nets) {
    if (net.addresses.length === 0) {
      warnings.push(
        `net on ${net.physical} has no ${field}: imported without an address (its addresses are configured inside the zone)`,
      );
    }
  }
  return { nets, warnings, problems };
}

/** lx `ips` values that mean "the zone configures this itself". */
const INSIDE_ZONE = new Set(["dhcp", "addrconf"]);

/** The lx `ips` and `gateway` properties of a net, when it has them. */
function lxAddressing(net: ZonecfgNet): { ips?: string; gateway?: string } | undefined {
  const ips = net.properties?.ips?.trim();
  const gateway = net.properties?.gateway?.trim();
  if (!ips && !gateway) return undefined;
  return { ...(ips ? { ips } : {}), ...(gateway ? { gateway } : {}) };
}

function splitList(raw: string): string[] {
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Parses "a" or "a/p" into canonical parts; undefined for anything else (host names). */
export function readAddress(value: string): HostAddress | undefined {
  const parsed = parseAddress(value);
  if (!parsed) return undefined;
  const bare = value.split("/")[0] ?? value;
  const address = canonicalAddress(bare);
  return parsed.prefix === undefined
    ? { address, family: parsed.family }
    : { address, prefix: parsed.prefix, family: parsed.family };
}

/** "a/p" for the registry; `fallbackPrefix` when zonecfg gave none. */
export function formatAddress(address: HostAddress, fallbackPrefix?: number): string {
  const prefix = address.prefix ?? fallbackPrefix ?? (address.family === 4 ? 32 : 128);
  return `${address.address}/${prefix}`;
}
