import type { Zone } from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";
import { addressKey, buildLedger, holdersOf, type Ledger } from "@zmgr/validate";
import { readAddress } from "./nets.js";

/**
 * The addresses an import must not take: validate's one ledger of the registry (every zone
 * document, reservations included), plus the zones adopted earlier in this run.
 */
export interface Claims {
  ledger: Ledger;
  /** address key → zone adopted in this run */
  adopted: Map<string, string>;
}

export function claimsOf(snapshot: Snapshot): Claims {
  return { ledger: buildLedger(snapshot), adopted: new Map() };
}

/** Records a zone adopted in this run. */
export function claim(claims: Claims, zone: Zone): void {
  for (const address of addressesOf(zone)) {
    const key = addressKey(address);
    if (!claims.adopted.has(key)) claims.adopted.set(key, zone.name);
  }
}

/** The first address of `zone` that another zone (registered or adopted) already holds. */
export function findClash(
  claims: Claims,
  zone: Zone,
): { address: string; owner: string } | undefined {
  for (const address of addressesOf(zone)) {
    const holder = holdersOf(claims.ledger, address).find((h) => h.zone !== zone.name);
    if (holder) return { address, owner: holder.zone };
    const owner = claims.adopted.get(addressKey(address));
    if (owner !== undefined && owner !== zone.name) return { address, owner };
  }
  return undefined;
}

function addressesOf(zone: Zone): string[] {
  return zone.nets.flatMap((net) =>
    net.addresses.flatMap((value) => {
      const address = readAddress(value)?.address;
      return address ? [address] : [];
    }),
  );
}
