import type { Snapshot } from "@zmgr/registry";
import type { HostFacts } from "@zmgr/validate";

/** Every address held by a zone file, reservations included (the ledger). */
export function registryUsedAddresses(snap: Snapshot): string[] {
  const used: string[] = [];
  for (const file of snap.zones.values()) {
    for (const net of file.parsed.value?.nets ?? []) used.push(...net.addresses);
  }
  return used;
}

/**
 * Addresses configured on host zones that the registry does not know (from `zonecfg info`),
 * lx zones' `property (name=ips,…)` lines included: an address there is in use too.
 */
export function hostUsedAddresses(facts: HostFacts): string[] {
  const used: string[] = [];
  for (const info of facts.zoneConfigs?.values() ?? []) {
    for (const net of info.nets) {
      for (const a of [net.allowedAddress, net.address, net.properties?.ips]) {
        if (a) used.push(...a.split(",").filter((x) => x !== ""));
      }
    }
  }
  return used;
}
