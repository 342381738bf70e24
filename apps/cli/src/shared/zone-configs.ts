import type { IllumosHost, ZoneConfigRead, ZonecfgInfo } from "@zmgr/illumos-exec";

/** `-v`: one line per zone saying where its configuration came from. */
export function describeZoneConfigRead(
  zone: string,
  read: ZoneConfigRead,
  zonesDir: string,
): string {
  return read.source === "xml"
    ? `zone ${zone}: configuration from ${zonesDir.replace(/\/+$/, "")}/${zone}.xml\n`
    : `zone ${zone}: configuration from zonecfg info (${read.reason ?? "no zone file"})\n`;
}

/**
 * The configuration of each zone in `names` (zones that vanished meanwhile are left out): the
 * zone files of `zonesDir` in one command, `zonecfg info` for a zone whose file is unusable.
 * `note` (the `-v` stream) hears which path each zone took.
 */
export async function hostZoneConfigs(
  host: IllumosHost,
  names: readonly string[],
  zonesDir: string,
  note?: (line: string) => void,
): Promise<Map<string, ZonecfgInfo>> {
  const reads = await host.zoneConfigs(names, { zonesDir });
  const infos = new Map<string, ZonecfgInfo>();
  for (const [name, read] of reads) {
    note?.(describeZoneConfigRead(name, read, zonesDir));
    if (read.info) infos.set(name, read.info);
  }
  return infos;
}
