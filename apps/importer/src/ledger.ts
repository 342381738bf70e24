import type { Zone } from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";
import { readAddress } from "./nets.js";

/** Canonical address (no prefix) → the registered zone that holds it. */
export type Ledger = Map<string, string>;

/** Every address held by a zone file of the registry (reservations included). */
export function ledgerOf(snapshot: Snapshot): Ledger {
  const ledger: Ledger = new Map();
  for (const [name, file] of snapshot.zones)
    addZone(ledger, file.parsed.value ?? { name, nets: [] });
  return ledger;
}

export function addZone(ledger: Ledger, zone: Zone): void {
  for (const net of zone.nets) {
    for (const value of net.addresses) {
      const address = readAddress(value)?.address;
      if (address && !ledger.has(address)) ledger.set(address, zone.name);
    }
  }
}

/** The first address of `zone` that another zone of the ledger already holds. */
export function findClash(
  ledger: Ledger,
  zone: Zone,
): { address: string; owner: string } | undefined {
  for (const net of zone.nets) {
    for (const value of net.addresses) {
      const address = readAddress(value)?.address;
      const owner = address === undefined ? undefined : ledger.get(address);
      if (address && owner !== undefined && owner !== zone.name) return { address, owner };
    }
  }
  return undefined;
}
