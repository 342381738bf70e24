import { ZONE_STATES, type ZoneState } from "@zmgr/illumos-exec";

/** Which illumos distribution the simulator imitates (COMMANDS.md §7). */
export type SimFlavour = "omnios" | "illumos";

/** One zonecfg resource (`net`, `fs`, `dataset`, `attr`, `capped-memory`, `rctl`, …). */
export interface SimResource {
  type: string;
  props: Record<string, string>;
  /** List properties: fs `options`, rctl `value`, net/device `property`. */
  lists?: Record<string, string[]>;
}

/** The part of a zone that zonecfg edits. */
export interface SimZoneConfig {
  zonepath: string;
  brand: string;
  autoboot: boolean;
  ipType: "exclusive" | "shared";
  /** Other top-level properties: bootargs, pool, limitpriv, scheduling-class, hostid, fs-allowed. */
  props: Record<string, string>;
  resources: SimResource[];
}

export interface SimPublisher {
  name: string;
  origins: string[];
}

export interface SimZone extends SimZoneConfig {
  name: string;
  state: ZoneState;
  uuid: string;
  /** Kernel zone id while ready/running/shutting_down/down/mounted. */
  id?: number;
  /** OmniOS 8th `list -p` field. */
  debugId: number;
  /** ZFS dataset created for the zonepath by `zoneadm install`. */
  dataset?: string;
  /** IPS publishers of the zone image (`<zonepath>/root`), once installed. */
  publishers: SimPublisher[];
}

export interface SimLink {
  name: string;
  class: "phys" | "etherstub" | "vnic";
  over?: string;
  mtu: number;
  state: "up" | "down" | "unknown";
  /** phys only: IP plumbed in the global zone (usable as a shared-IP `physical`). */
  ipPlumbed?: boolean;
  /** vnic only. */
  mac?: string;
  macType?: string;
  vid?: number;
  /** phys only (`show-phys`). */
  media?: string;
  speed?: number;
  duplex?: string;
  device?: string;
}

/** A failure or delay injected into the n-th command that matches. */
export interface SimFault {
  /** Prefix of the joined argv (`zoneadm -z web install`), or a regular expression. */
  match: string | { regex: string; flags: string };
  /** 1-based: which matching command fires (default 1). */
  nth: number;
  /** How many consecutive matches fire from the nth on (default 1; 0 = every one). */
  times: number;
  exitCode?: number;
  stderr?: string;
  stdout?: string;
  /** State the target zone is left in by an injected failure. */
  leaveState?: ZoneState;
  delayMs?: number;
  /** Matching commands seen so far. */
  seen: number;
}

export interface SimState {
  version: 1;
  flavour: SimFlavour;
  hostname: string;
  /** Zones in index-file order (the global zone is implicit). */
  zones: SimZone[];
  links: SimLink[];
  /** Publishers of the global zone image: what a zone install starts from. */
  publishers: SimPublisher[];
  /** ZFS datasets by mountpoint (parents of zonepaths). */
  datasets: Record<string, string>;
  nextZoneId: number;
  nextDebugId: number;
  /** Counter feeding the deterministic uuid and MAC generators. */
  serial: number;
  faults: SimFault[];
  /** Delays that fired, newest last (the sync model records, the executors wait). */
  delays: { argv: string; delayMs: number }[];
  /** The zone configuration directory `tar` serves (default `/etc/zones`). */
  zonesDir?: string;
  /**
   * Files of that directory changed by hand (`SimHost.editZoneFile`): the text, or null when
   * removed. A zonecfg commit or delete of the zone drops the edit of its `<zone>.xml`.
   */
  zoneFiles?: Record<string, string | null>;
}

export function stateRank(state: ZoneState): number {
  return ZONE_STATES.indexOf(state);
}

/** States with a kernel zone id. */
export function inKernel(state: ZoneState): boolean {
  return stateRank(state) >= stateRank("ready");
}

export function defaultBrand(flavour: SimFlavour): string {
  return flavour === "omnios" ? "lipkg" : "ipkg";
}

export function defaultIpType(flavour: SimFlavour): "exclusive" | "shared" {
  return flavour === "omnios" ? "exclusive" : "shared";
}

export function freshState(flavour: SimFlavour = "omnios"): SimState {
  const publishers: SimPublisher[] =
    flavour === "omnios"
      ? [
          { name: "omnios", origins: ["https://pkg.omnios.org/bloody/core/"] },
          { name: "extra.omnios", origins: ["https://pkg.omnios.org/bloody/extra/"] },
        ]
      : [{ name: "openindiana.org", origins: ["http://pkg.openindiana.org/hipster/"] }];
  return {
    version: 1,
    flavour,
    hostname: "simhost",
    zones: [],
    links: [
      {
        name: "net0",
        class: "phys",
        mtu: 1500,
        state: "up",
        ipPlumbed: true,
        media: "Ethernet",
        speed: 1000,
        duplex: "full",
        device: "e1000g0",
      },
      { name: "oinetint0", class: "etherstub", mtu: 9000, state: "up" },
      { name: "pubstub0", class: "etherstub", mtu: 9000, state: "up" },
    ],
    publishers,
    datasets: {
      "/": flavour === "omnios" ? "rpool/ROOT/omnios" : "rpool/ROOT/openindiana",
      "/zones": "rpool/zones",
    },
    nextZoneId: 1,
    nextDebugId: 1,
    serial: 0,
    faults: [],
    delays: [],
  };
}
