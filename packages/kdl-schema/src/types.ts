import type { Diagnostic } from "@zmgr/errors";

/** The five kinds of registry documents. */
export type DocKind = "config" | "template" | "pool" | "zone" | "publisher";

export const DOC_KINDS: readonly DocKind[] = ["config", "template", "pool", "zone", "publisher"];

export interface Config {
  zonepathPrefix: string;
  defaultTemplate: string;
  commandPrefix: string[];
  /** Where the host keeps its zone configuration files (`<zone>.xml`); `/etc/zones`. */
  zonesDir: string;
}

export const DEFAULT_CONFIG: Config = Object.freeze({
  zonepathPrefix: "/zones",
  defaultTemplate: "oi",
  commandPrefix: Object.freeze([]) as unknown as string[],
  zonesDir: "/etc/zones",
}) as Config;

export interface TemplateNet {
  name: string;
  pools: string[];
  vnic?: string;
}

export interface FsMount {
  dir: string;
  special: string;
  readonly: boolean;
}

export interface ZoneAttr {
  name: string;
  value: string;
}

export interface Template {
  name: string;
  brand: string;
  autoboot: boolean;
  ipType: "exclusive" | "shared";
  nets: TemplateNet[];
  publishers: string[];
  cappedMemory?: string;
  cpuShares?: number;
  fs: FsMount[];
  datasets: string[];
  attrs: ZoneAttr[];
  installArgs: string[];
  /** `clone "<zone>"`: create by `zoneadm clone` of that zone instead of install (SPEC §7). */
  clone?: string;
}

export type PoolMode =
  | { kind: "range"; start: string; end: string }
  | { kind: "list"; addresses: string[] };

export interface Pool {
  name: string;
  network: string;
  gateway?: string;
  stub: string;
  mode: PoolMode;
  reserve: string[];
}

/** One network attachment of a zone. `addresses` are "a/p" strings, e.g. "10.1.0.11/24". */
export interface ZoneNet {
  name: string;
  addresses: string[];
  gateways: string[];
  vnic?: string;
  stub?: string;
  pools: string[];
  /** While `zmgr net add` runs: `status "adding" txn=… pid=… host=… started=…` on the net node. */
  status?: NetStatus;
}

/** A net being added (SPEC §7): its addresses are held meanwhile; a gone process = interrupted. */
export interface NetStatus {
  state: "adding";
  /** the transaction id of the add */
  txn: string;
  pid?: number;
  host?: string;
  /** That machine's stable host id (`host-id=`). */
  hostId?: string;
  /** The adding process's start time as the OS records it (`pid-start=`), opaque. */
  pidStart?: string;
  started?: string;
}

export interface ZoneStatus {
  state: "creating" | "failed";
  pid?: number;
  /** The machine running the create: written `by=`; old files' `host=` is read the same way. */
  host?: string;
  /** That machine's stable host id (`host-id=`). */
  hostId?: string;
  /** The creating process's start time as the OS records it (`pid-start=`), opaque. */
  pidStart?: string;
  started?: string;
  reason?: string;
}

export interface Zone {
  name: string;
  template?: string;
  nets: ZoneNet[];
  created?: string;
  status?: ZoneStatus;
}

export interface Publisher {
  name: string;
  origin: string;
}

export interface DocValueMap {
  config: Config;
  template: Template;
  pool: Pool;
  zone: Zone;
  publisher: Publisher;
}

/** Parse result. `value` is absent when the document is unusable (syntax error, wrong node). */
export interface Parsed<K extends DocKind> {
  kind: K;
  file: string;
  text: string;
  /** 1 → a zmgr::kdl::v1_syntax warning is in diagnostics. */
  kdlVersion: 1 | 2;
  /** The node's name argument (for file-name checks). */
  name?: string;
  value?: DocValueMap[K];
  diagnostics: Diagnostic[];
}
