import type { ZoneListEntry } from "@zmgr/illumos-exec";
import type { ImportReportEntry } from "./types.js";

/** Brands that are virtual machines: another tool's job (SPEC §1 templates). */
export const VM_BRANDS: ReadonlySet<string> = new Set(["bhyve", "kvm"]);

export function skip(
  zone: string,
  code: string,
  reason: string,
  help: string,
  extra: Partial<ImportReportEntry> = {},
): ImportReportEntry {
  return { zone, outcome: "skipped", code, reason, help, warnings: [], ...extra };
}

/** Lower-cased registered name → registered name, to refuse names that differ only in case. */
export type RegisteredNames = Map<string, string>;

/**
 * The reasons a host zone is not even looked at (no `zonecfg info` needed): not on the host,
 * global, a VM brand, already registered (or clashing in case), or incomplete.
 */
export function precheck(
  name: string,
  entry: ZoneListEntry | undefined,
  registered: RegisteredNames,
): ImportReportEntry | undefined {
  if (name === "global") {
    return skip(
      name,
      "zmgr::import::global",
      "the global zone is not managed by zmgr",
      "leave it out of the import",
    );
  }
  const known = registered.get(name.toLowerCase());
  if (known === name) {
    return skip(
      name,
      "zmgr::import::registered",
      `already registered (zones/${name}.kdl)`,
      `\`zmgr show ${name}\` shows its entry`,
      brandOf(entry),
    );
  }
  if (known !== undefined) {
    return skip(
      name,
      "zmgr::import::case_clash",
      `the registry already holds zone ${known}, a name that differs only in case`,
      `rename one of the two zones: registry files of both would clash on case-insensitive file systems`,
      brandOf(entry),
    );
  }
  if (!entry) {
    return skip(
      name,
      "zmgr::import::not_found",
      `no zone named ${name} on this host`,
      "`zoneadm list -cv` lists the zones of this host",
    );
  }
  if (VM_BRANDS.has(entry.brand)) {
    return skip(
      name,
      "zmgr::import::vm_brand",
      `${entry.brand} zones are virtual machines, which zmgr does not manage`,
      `leave ${name} to the tool that made it`,
      brandOf(entry),
    );
  }
  if (entry.state === "incomplete") {
    return skip(
      name,
      "zmgr::import::incomplete",
      "the zone is incomplete: an install or uninstall failed or is still running",
      `wait for it to finish, or clean up with \`zoneadm -z ${name} uninstall -F\`, then import again`,
      brandOf(entry),
    );
  }
  return undefined;
}

function brandOf(entry: ZoneListEntry | undefined): Partial<ImportReportEntry> {
  return entry ? { brand: entry.brand } : {};
}
