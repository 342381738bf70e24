import type { IllumosHost, ZonecfgInfo, ZoneListEntry } from "@zmgr/illumos-exec";
import type { Template } from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";
import type { AdoptContext } from "./adopt.js";
import { claimsOf } from "./ledger.js";
import { buildPoolIndex } from "./pools.js";
import { precheck, type RegisteredNames } from "./skips.js";

/** `zonecfg info` calls in flight at once: each is a process on a real host. */
const INFO_CONCURRENCY = 4;

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

/** `zonecfg -z <zone> info` of every target that passes the pre-checks, a few at a time. */
export async function readZoneConfigs(
  host: IllumosHost,
  targets: string[],
  listed: Map<string, ZoneListEntry>,
  registered: RegisteredNames,
): Promise<Map<string, ZonecfgInfo | undefined>> {
  const names = targets.filter((name) => !precheck(name, listed.get(name), registered));
  const infos = new Map<string, ZonecfgInfo | undefined>();
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++]!;
      infos.set(name, await host.zoneInfo(name));
    }
  };
  await Promise.all(Array.from({ length: Math.min(INFO_CONCURRENCY, names.length) }, worker));
  return infos;
}
