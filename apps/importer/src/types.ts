import type { Executor, PlanEvent, ZoneConfigRead } from "@zmgr/illumos-exec";
import type { Registry } from "@zmgr/registry";

export interface ImportOptions {
  exec: Executor;
  registry: Registry;
  /** Zones to import; with neither `names` nor `all`, the report only lists the candidates. */
  names?: string[];
  all?: boolean;
  /** Compute everything, write nothing: entries are `would-import` and carry `file` and `text`. */
  dryRun?: boolean;
  lockTimeoutMs: number;
  /** `created` date of the written zone files (YYYY-MM-DD); default: today (UTC). */
  today?: string;
  /** The host's zone configuration directory; default config.kdl `zones-dir`. */
  zonesDir?: string;
  /** Told how each zone's configuration was read (zone file or `zonecfg info`, and why). */
  onZoneConfig?: (zone: string, read: ZoneConfigRead) => void;
  /** Progress of the write plan (one step per adopted zone). */
  onEvent?: (event: PlanEvent) => void;
  signal?: AbortSignal;
}

export interface ImportNetReport {
  name: string;
  addresses: string[];
  gateways: string[];
  pools: string[];
  vnic?: string;
  stub?: string;
}

export type ImportOutcome = "imported" | "skipped" | "would-import" | "failed";

export interface ImportReportEntry {
  zone: string;
  outcome: ImportOutcome;
  /** Why a zone was skipped or failed (one line). */
  reason?: string;
  /** What to do about it (one line, usually a command). */
  help?: string;
  /** Stable code of the skip reason, e.g. `zmgr::import::no_template`. */
  code?: string;
  brand?: string;
  template?: string;
  nets?: ImportNetReport[];
  /** Registry file written (or that would be written), relative to the registry root. */
  file?: string;
  /** Its full KDL text. */
  text?: string;
  warnings: string[];
}

export interface ImportReport {
  /** Host zones that could be imported: not global, not bhyve/kvm, not registered. */
  candidates: string[];
  entries: ImportReportEntry[];
  /** Number of zone files written (0 under dry-run). */
  imported: number;
  /** Number of writes that failed (lock timeout, a concurrent change). */
  failed: number;
  dryRun: boolean;
  /** Ctrl-C (the signal) stopped the writes: the zones left are `skipped`, `not_attempted`. */
  interrupted: boolean;
  /** Problems that concern the whole run (e.g. an unusable pool file). */
  warnings: string[];
}
