/** One process to run: never through a shell. */
export interface Command {
  file: string;
  args: string[];
  stdin?: string;
  /**
   * `"buffer"`: stdout is binary (a tar stream) and comes back as bytes in `stdoutBytes`, with
   * `stdout` empty. Default `"utf8"`. stderr is always text.
   */
  encoding?: "utf8" | "buffer";
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout as bytes, present when the command asked for `encoding: "buffer"`. */
  stdoutBytes?: Uint8Array;
}

/** The only process boundary of zmgr. `run` never throws on a non-zero exit: wrappers decide. */
export interface Executor {
  run(command: Command, options?: { signal?: AbortSignal }): Promise<ExecResult>;
}

export type ZoneState =
  | "configured"
  | "incomplete"
  | "installed"
  | "ready"
  | "running"
  | "shutting_down"
  | "down"
  | "mounted";

/** One line of `zoneadm list -p` (7 fields upstream, 8 on OmniOS/SmartOS). */
export interface ZoneListEntry {
  /** Kernel zone id; undefined for `-` (configured, incomplete, installed). */
  id: number | undefined;
  name: string;
  state: ZoneState;
  zonepath: string;
  uuid: string;
  brand: string;
  ipType: "excl" | "shared";
  /** OmniOS/SmartOS 8th field. */
  debugId?: string;
}

/** One `net` resource of `zonecfg info`. Keys are zonecfg property names in camelCase. */
export interface ZonecfgNet {
  address?: string;
  allowedAddress?: string;
  physical?: string;
  defrouter?: string;
  globalNic?: string;
  macAddr?: string;
  vlanId?: string;
}

export interface ZonecfgResource {
  type: string;
  props: Record<string, string>;
}

export interface ZonecfgInfo {
  zonename: string;
  zonepath?: string;
  brand?: string;
  autoboot: boolean;
  ipType: "exclusive" | "shared";
  /** Every other top-level property that had a value (bootargs, pool, cpu-shares, …). */
  props: Record<string, string>;
  nets: ZonecfgNet[];
  /** Every non-net resource, in output order (fs, capped-memory, attr, dataset, …). */
  resources: ZonecfgResource[];
}

export interface LinkInfo {
  link: string;
  class: string;
  over: string;
  state?: string;
  mtu?: string;
}

export interface VnicInfo {
  link: string;
  over: string;
  macaddress?: string;
  vid?: string;
}

/** One row of `dladm show-phys -p -o link,media,state,speed,duplex,device`. */
export interface PhysInfo {
  link: string;
  media: string;
  state: string;
  speed: string;
  duplex: string;
  device: string;
}
