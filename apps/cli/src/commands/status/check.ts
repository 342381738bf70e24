import type { VnicInfo, ZonecfgInfo, ZoneListEntry } from "@zmgr/illumos-exec";
import { canonicalAddress } from "@zmgr/ipam";
import type { NetStatus, Zone } from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";

/** One difference between registry and host (also the --json element of `zmgr status`). */
export interface DriftItem {
  kind:
    | "zone-missing-on-host"
    | "create-elsewhere"
    | "zone-not-in-registry"
    | "vnic-missing-on-host"
    | "vnic-not-in-registry"
    | "address-mismatch"
    | "create-interrupted"
    | "create-failed"
    | "net-add-interrupted"
    | "net-add-elsewhere";
  zone: string;
  message: string;
  help: string;
  /** The exact commands that resolve it, where there is one. */
  cleanup?: string[];
}

export function cleanupHint(zone: string): string {
  return `zmgr destroy ${zone} --yes`;
}

export interface LiveFacts {
  zones: ZoneListEntry[];
  vnics: VnicInfo[];
  /** zonecfg info of every non-global zone on the host */
  infos: Map<string, ZonecfgInfo>;
}

export function computeDrift(
  snap: Snapshot,
  live: LiveFacts,
  reservation: (z: Zone) => "creating" | "interrupted" | "failed" | undefined,
  elsewhere: (z: Zone) => string | undefined = () => undefined,
  /** What a net's `status "adding"` means (the registry's judge). Unknown: still adding. */
  netAdd: (s: NetStatus) => "adding" | "interrupted" | "elsewhere" = () => "adding",
): DriftItem[] {
  const items: DriftItem[] = [];
  const onHost = new Map(live.zones.map((z) => [z.name, z]));
  const vnics = new Set(live.vnics.map((v) => v.link));
  for (const name of [...snap.zones.keys()].sort()) {
    const zone = snap.zones.get(name)?.parsed.value;
    if (!zone) continue;
    const res = reservation(zone);
    const by = res === "creating" ? elsewhere(zone) : undefined;
    if (by !== undefined) {
      items.push({
        kind: "create-elsewhere",
        zone: name,
        message: `${name} is creating by ${by} (pid ${zone.status?.pid ?? "?"}${zone.status?.started ? `, since ${zone.status.started}` : ""}); this machine cannot tell whether that create still runs`,
        help: `let it finish on ${by}; if it no longer runs there, settle it after confirming`,
        cleanup: [`zmgr destroy ${name} --force`],
      });
      continue;
    }
    if (res === "creating") continue;
    if (res === "interrupted" || res === "failed") {
      items.push({
        kind: res === "failed" ? "create-failed" : "create-interrupted",
        zone: name,
        message: `create of ${name} ${res === "failed" ? `failed${zone.status?.reason ? `: ${zone.status.reason}` : ""}` : `was interrupted (pid ${zone.status?.pid ?? "?"} is gone)`}; its addresses stay reserved`,
        help: "remove what is left and free the addresses",
        cleanup: [cleanupHint(name)],
      });
      continue;
    }
    if (!onHost.has(name)) {
      items.push({
        kind: "zone-missing-on-host",
        zone: name,
        message: `zone ${name} is in the registry but not on the host`,
        help: `recreate it, or drop the entry with \`zmgr destroy ${name} --yes\``,
        cleanup: [cleanupHint(name)],
      });
      continue;
    }
    for (const net of zone.nets) {
      const adding = net.status ? netAdd(net.status) : undefined;
      if (net.status && adding === "elsewhere") {
        items.push({
          kind: "net-add-elsewhere",
          zone: name,
          message: `net ${net.name} of zone ${name} is being added by ${net.status.host} (pid ${net.status.pid ?? "?"}); this machine cannot tell whether that net add still runs`,
          help: `let it finish on ${net.status.host}; if it no longer runs there, remove what is left of the net`,
          cleanup: [`zmgr net remove ${name} ${net.name}`],
        });
      }
      if (net.status && adding === "interrupted") {
        items.push({
          kind: "net-add-interrupted",
          zone: name,
          message: `net add of ${net.name} to zone ${name} was interrupted (pid ${net.status.pid ?? "?"} is gone); its addresses stay reserved`,
          help: "remove what is left of the net and free its addresses",
          cleanup: [`zmgr net remove ${name} ${net.name}`],
        });
      }
      if (net.status) continue;
      if (net.vnic && !vnics.has(net.vnic)) {
        items.push({
          kind: "vnic-missing-on-host",
          zone: name,
          message: `VNIC ${net.vnic} of zone ${name} (net ${net.name}) does not exist`,
          help: "recreate it over its stub",
          cleanup: [`dladm create-vnic -l ${net.stub ?? "<stub>"} ${net.vnic}`],
        });
      }
    }
    const info = live.infos.get(name);
    if (info) {
      // A net still being added is not configured yet (or only part-way): not drift.
      const settled = zone.nets.filter((n) => !n.status);
      const want = canonSet(settled.flatMap((n) => n.addresses));
      const have = canonSet(
        info.nets.flatMap((n) => splitList(n.allowedAddress ?? n.address ?? n.properties?.ips)),
      );
      const wantAll = zone.nets.every((n) => n.addresses.length > 0);
      const adding = zone.nets.some((n) => n.status);
      if (wantAll && !adding && !sameSet(want, have)) {
        items.push({
          kind: "address-mismatch",
          zone: name,
          message: `zone ${name}: registry has ${[...want].join(", ") || "none"}, zonecfg has ${[...have].join(", ") || "none"}`,
          help: `make them agree: edit zones/${name}.kdl or the zone's net resources (zonecfg -z ${name})`,
        });
      }
    }
  }
  items.push(...orphanVnics(snap, live));
  for (const z of live.zones) {
    if (z.name === "global" || snap.zones.has(z.name)) continue;
    items.push({
      kind: "zone-not-in-registry",
      zone: z.name,
      message: `zone ${z.name} (${z.state}) is on the host but not in the registry`,
      help: `adopt it with \`zmgr import ${z.name}\``,
    });
  }
  return items;
}

function splitList(v: string | undefined): string[] {
  return (v ?? "").split(",").filter((x) => x !== "");
}

function canonSet(addrs: string[]): Set<string> {
  return new Set(
    addrs.map((a) => {
      try {
        return canonicalAddress(a);
      } catch {
        return a;
      }
    }),
  );
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/**
 * VNICs over a pool's stub that no zone file records and no host zone uses: what a create killed
 * with `kill -9` before its reservation was written, or a hand-made leftover.
 */
function orphanVnics(snap: Snapshot, live: LiveFacts): DriftItem[] {
  const stubs = new Set<string>();
  for (const f of snap.pools.values()) if (f.parsed.value) stubs.add(f.parsed.value.stub);
  const known = new Set<string>();
  for (const f of snap.zones.values()) {
    for (const n of f.parsed.value?.nets ?? []) if (n.vnic) known.add(n.vnic);
  }
  for (const info of live.infos.values()) {
    for (const n of info.nets) if (n.physical) known.add(n.physical);
  }
  return live.vnics
    .filter((v) => stubs.has(v.over) && !known.has(v.link))
    .map((v) => ({
      kind: "vnic-not-in-registry" as const,
      zone: "",
      message: `VNIC ${v.link} over ${v.over} belongs to no zone in the registry or on the host`,
      help: "delete it if nothing uses it",
      cleanup: [`dladm delete-vnic ${v.link}`],
    }));
}
