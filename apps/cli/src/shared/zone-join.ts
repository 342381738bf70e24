import type { ZoneListEntry } from "@zmgr/illumos-exec";
import type { Zone } from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";

/** One row of `zmgr list` (also its --json element). */
export interface ZoneRow {
  name: string;
  /** live zone state, or creating/interrupted/failed for a reservation, or `missing` (registered, not on the host). */
  state: string;
  /** the zoneadm state, when the zone exists on the host */
  liveState?: string;
  registered: boolean;
  onHost: boolean;
  reservation?: "creating" | "interrupted" | "failed";
  /** the machine a `creating` reservation was made on, when it is not this one */
  reservedBy?: string;
  brand?: string;
  template?: string;
  addresses: string[];
  vnics: string[];
  /** the pools the zone's addresses came from, in net order, without repeats */
  pools: string[];
  /** the host the zone lives on (single-host registries: this host's name) */
  host?: string;
  created?: string;
  /** the live zonepath (zoneadm list -cp) */
  zonepath?: string;
}

/** Registry zones joined with `zoneadm list -cp`; host zones not in the registry come last. */
export function joinZones(
  snap: Snapshot,
  live: ZoneListEntry[],
  reservation: (z: Zone) => ZoneRow["reservation"],
  elsewhere: (z: Zone) => string | undefined = () => undefined,
  hostName?: string,
): ZoneRow[] {
  const host = hostName ? { host: hostName } : {};
  const byName = new Map(live.map((z) => [z.name, z]));
  const rows: ZoneRow[] = [];
  for (const name of [...snap.zones.keys()].sort()) {
    const zone = snap.zones.get(name)?.parsed.value;
    const entry = byName.get(name);
    const res = zone ? reservation(zone) : undefined;
    const by = zone && res === "creating" ? elsewhere(zone) : undefined;
    const brand =
      entry?.brand ??
      (zone?.template ? snap.templates.get(zone.template)?.parsed.value?.brand : undefined);
    rows.push({
      name,
      state: by ? `creating by ${by}` : (res ?? entry?.state ?? "missing"),
      ...(entry ? { liveState: entry.state } : {}),
      registered: true,
      onHost: entry !== undefined,
      ...(res ? { reservation: res } : {}),
      ...(by ? { reservedBy: by } : {}),
      ...(brand ? { brand } : {}),
      ...(zone?.template ? { template: zone.template } : {}),
      addresses: zone?.nets.flatMap((n) => n.addresses) ?? [],
      vnics: zone?.nets.flatMap((n) => (n.vnic ? [n.vnic] : [])) ?? [],
      pools: [...new Set(zone?.nets.flatMap((n) => n.pools) ?? [])],
      ...host,
      ...(zone?.created ? { created: zone.created } : {}),
      ...(entry?.zonepath ? { zonepath: entry.zonepath } : {}),
    });
  }
  for (const entry of live) {
    if (entry.name === "global" || snap.zones.has(entry.name)) continue;
    rows.push({
      name: entry.name,
      state: entry.state,
      liveState: entry.state,
      registered: false,
      onHost: true,
      brand: entry.brand,
      addresses: [],
      vnics: [],
      pools: [],
      ...host,
      ...(entry.zonepath ? { zonepath: entry.zonepath } : {}),
    });
  }
  return rows;
}
