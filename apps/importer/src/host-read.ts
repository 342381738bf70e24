import type { IllumosHost, ZoneConfigRead, ZonecfgInfo, ZoneListEntry } from "@zmgr/illumos-exec";
import type { Template } from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";
import type { AdoptContext } from "./adopt.js";
import { claimsOf } from "./ledger.js";
import { buildPoolIndex } from "./pools.js";
import { precheck, type RegisteredNames } from "./skips.js";

/** Everything adoption needs from the registry, plus `dladm show-vnic`; `warnings` for the report. */
export async function adoptContext(
  host: IllumosHost,
  snapshot: Snapshot,
  today: string,
  warnings: string[],
): Promise<AdoptContext> {
  const pools = buildPoolIndex(snapshot);
  warnings.push(...pools.warnings);
  const templates: Template[] = [];
  for (const [name, file] of [...snapshot.templates].sort(([a], [b]) => a.localeCompare(b))) {
    if (file.parsed.value) templates.push(file.parsed.value);
    else warnings.push(`${file.path} cannot be read, so no zone was matched to template ${name}`);
  }
  const vnics = new Map((await host.showVnics()).map((v) => [v.link, v.over]));
  return {
    snapshot,
    templates,
    defaultTemplate: snapshot.config.defaultTemplate,
    pools,
    vnics,
    claims: claimsOf(snapshot),
    today,
  };
}

/**
 * The configuration of every target that passes the pre-checks: the zone files in bulk (one
 * `tar` of `zonesDir`), `zonecfg -z <zone> info` only for a zone whose file is unusable.
 */
export async function readZoneConfigs(
  host: IllumosHost,
  targets: string[],
  listed: Map<string, ZoneListEntry>,
  registered: RegisteredNames,
  options: { zonesDir: string; onRead?: (zone: string, read: ZoneConfigRead) => void },
): Promise<Map<string, ZonecfgInfo | undefined>> {
  const names = targets.filter((name) => !precheck(name, listed.get(name), registered));
  const reads = await host.zoneConfigs(names, { zonesDir: options.zonesDir });
  const infos = new Map<string, ZonecfgInfo | undefined>();
  for (const [name, read] of reads) {
    options.onRead?.(name, read);
    infos.set(name, read.info);
  }
  return infos;
}
