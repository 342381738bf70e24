import type { IllumosHost, ZonecfgInfo } from "@zmgr/illumos-exec";
import type { Snapshot } from "@zmgr/registry";
import type { HostFacts } from "@zmgr/validate";
import { hostZoneConfigs } from "./zone-configs.js";

/** Host facts plus the zones whose `zonecfg info` was asked for (found or gone meanwhile). */
export interface GatheredFacts extends HostFacts {
  read: string[];
}

/** Host zones that the facts have no `zonecfg info` for yet and `snapshot` cannot vouch for. */
export function missingZoneConfigs(snapshot: Snapshot, facts: GatheredFacts): string[] {
  const read = new Set(facts.read);
  return unvouchedZones(snapshot, facts).filter((n) => !read.has(n));
}

/**
 * Live facts for pre-flight and drift checks: zones, links, VNICs, and the zonecfg info of the
 * host zones whose addresses the registry cannot vouch for (not registered, or registered with a
 * document that cannot be parsed): their live addresses count as used (the ledger).
 */
export async function collectHostFacts(
  host: IllumosHost,
  snapshot: Snapshot,
  note?: (line: string) => void,
): Promise<GatheredFacts> {
  const [zones, links, vnics] = await Promise.all([
    host.listZones(),
    host.showLinks(),
    host.showVnics(),
  ]);
  const facts: GatheredFacts = { zones, links, vnics, zoneConfigs: new Map(), read: [] };
  return addZoneConfigs(
    host,
    facts,
    unvouchedZones(snapshot, facts),
    snapshot.config.zonesDir,
    note,
  );
}

/** Host zones (not global) whose registry document is missing or unusable in `snapshot`. */
export function unvouchedZones(snapshot: Snapshot, facts: HostFacts): string[] {
  return facts.zones
    .map((z) => z.name)
    .filter((n) => n !== "global" && snapshot.zones.get(n)?.parsed.value === undefined);
}

/**
 * `facts` with the configurations of `names` added (zone files of `zonesDir` in one command,
 * `zonecfg info` for a zone whose file is unusable); a zone gone meanwhile is recorded as read.
 */
export async function addZoneConfigs(
  host: IllumosHost,
  facts: GatheredFacts,
  names: readonly string[],
  zonesDir: string,
  note?: (line: string) => void,
): Promise<GatheredFacts> {
  const zoneConfigs = new Map<string, ZonecfgInfo>(facts.zoneConfigs ?? []);
  const read = new Set([...facts.read, ...names]);
  if (names.length > 0) {
    for (const [name, info] of await hostZoneConfigs(host, names, zonesDir, note)) {
      zoneConfigs.set(name, info);
    }
  }
  return { ...facts, zoneConfigs, read: [...read] };
}
