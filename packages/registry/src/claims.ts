import { formatAddress, parseAddress } from "@zmgr/ipam";
import { parseDocument, type Zone } from "@zmgr/kdl-schema";

/** One address held by a zone: the unit of the ledger (SPEC §6's claim). */
export interface Claim {
  zone: string;
  /** The host the zone lives on ("" when unknown). */
  host: string;
  /** The first pool of the net holding it ("" for an unpooled address). */
  pool: string;
  /** As written in the zone, with its prefix length: `10.1.0.10/24`. */
  address: string;
  /** The nonce of the create that claimed it ("" when built by push or repair). */
  txn: string;
}

/**
 * The claim key of an address under `<prefix>/claims/`: `v4/<8 hex>` or `v6/<32 hex>`, lowercase,
 * so key order is numeric order. Undefined for text that is not an address.
 */
export function claimKeyOf(address: string): string | undefined {
  const p = parseAddress(address);
  if (p === undefined) return undefined;
  return p.family === 4
    ? `v4/${p.value.toString(16).padStart(8, "0")}`
    : `v6/${p.value.toString(16).padStart(32, "0")}`;
}

/** The claim key of a numeric value (range bounds). */
export function claimKeyOfValue(family: 4 | 6, value: bigint): string {
  return family === 4
    ? `v4/${value.toString(16).padStart(8, "0")}`
    : `v6/${value.toString(16).padStart(32, "0")}`;
}

/** The address (canonical, no prefix length) a claim key stands for; undefined for other keys. */
export function addressOfClaimKey(key: string): string | undefined {
  const m = /^(v4\/[0-9a-f]{8}|v6\/[0-9a-f]{32})$/.exec(key);
  if (!m) return undefined;
  const family = key.startsWith("v4/") ? 4 : 6;
  return formatAddress(family, BigInt(`0x${key.slice(3)}`));
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/** The claim's value: one KDL node, readable with `etcdctl get`. */
export function formatClaim(c: Claim): string {
  return `claim zone=${quote(c.zone)} host=${quote(c.host)} pool=${quote(c.pool)} address=${quote(c.address)} txn=${quote(c.txn)}\n`;
}

const PROP = /([a-z]+)=("(?:[^"\\]|\\.)*")/g;

/** Reads a claim value written by `formatClaim`; undefined when it is not one. */
export function parseClaim(text: string): Claim | undefined {
  if (!text.startsWith("claim ")) return undefined;
  const props: Record<string, string> = {};
  for (const m of text.matchAll(PROP)) {
    try {
      props[m[1] as string] = JSON.parse(m[2] as string) as string;
    } catch {
      return undefined;
    }
  }
  const { zone, host, pool, address, txn } = props;
  if (zone === undefined || address === undefined) return undefined;
  return { zone, host: host ?? "", pool: pool ?? "", address, txn: txn ?? "" };
}

/** Every address a zone holds (each net's addresses, its first pool named), as claims. */
export function claimsOfZone(zone: Zone, host: string, txn: string): Claim[] {
  const out: Claim[] = [];
  for (const net of zone.nets) {
    for (const address of net.addresses) {
      out.push({ zone: zone.name, host, pool: net.pools[0] ?? "", address, txn });
    }
  }
  return out;
}

/** The zone of a zone document's text, or undefined when it is unusable (as the ledger reads it). */
export function zoneOfText(text: string, path: string): Zone | undefined {
  return parseDocument("zone", text, path).value;
}
