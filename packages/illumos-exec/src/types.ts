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

/** The streams an interactive command talks to: the user's terminal, or a test's streams. */
export interface TerminalIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** stdin and stdout are terminals (zlogin then gets a pty; `zlogin -C` needs one). */
  isTTY: boolean;
}

/** The only process boundary of zmgr. `run` never throws on a non-zero exit: wrappers decide. */
export interface Executor {
  run(command: Command, options?: { signal?: AbortSignal }): Promise<ExecResult>;
  /**
   * Interactive mode (`zlogin`, `zlogin -C`): the command talks straight to `io` (the process's
   * own stdio is inherited, so a terminal is passed through); resolves to its exit status and
   * never throws on a non-zero one. Optional: an executor without it cannot log in.
   */
  interactive?(command: Command, io: TerminalIo): Promise<number>;
  /**
   * Writes `content` to a fresh private file on the host, calls `use` with its path, and always
   * removes it afterwards (over ssh: `mktemp -d` + `tee` + `rm -rf`). Optional for now: the ssh
   * executor has it.
   */
  withFile?<T>(content: string, use: (path: string) => Promise<T>): Promise<T>;
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

/** One line of `zoneadm list -p` (7 fields upstream, 8 on OmniOS/SmartOS, more on Solaris 11). */
export interface ZoneListEntry {
  /** Kernel zone id; undefined for `-` (configured, incomplete, installed). */
  id: number | undefined;
  name: string;
  state: ZoneState;
  /** Undefined when zoneadm prints `-` (Solaris kernel zones have no zonepath). */
  zonepath?: string;
  uuid: string;
  brand: string;
  /** zoneadm prints `excl`; zmgr's typed APIs say "exclusive" everywhere (the parser converts). */
  ipType: "exclusive" | "shared";
  /** OmniOS/SmartOS 8th field (digits, or empty when the zone has none); only set when the 8th field has that form. */
  debugId?: string;
  /**
   * Fields after ip-type (and after the debug id) whose meaning zmgr does not know, raw: Solaris 11
   * prints its r/w flag 8th, then file-mac-profile and more. Absent when there are none.
   */
  extraFields?: string[];
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
  /**
   * OmniOS/SmartOS `property` lines, name → value with the quotes removed: lx zones carry
   * `ips`, `gateway` and `primary` here (`property: (name=ips,value="172.30.1.129/26")`).
   * Absent when there are none.
   */
  properties?: Record<string, string>;
  /**
   * Properties zmgr does not model (Solaris `configure-allowed-address`, a `property` value that
   * is not `(name=…,value=…)`), raw as printed. Absent when there are none.
   */
  otherProps?: Record<string, string>;
}

export interface ZonecfgResource {
  type: string;
  /** Single-valued properties that have a value (zonecfg names; brackets and quotes removed). */
  props: Record<string, string>;
  /**
   * List-valued properties, one item per value in order: fs `options` (`[ro,nodevices]` in info,
   * one `add options` per item in export), rctl `value`, device `property`. Complex values such
   * as `(priv=privileged,limit=20,action=deny)` are kept as printed. Absent when there are none.
   */
  lists?: Record<string, string[]>;
  /**
   * Set on a block of a type zmgr does not know (Solaris `anet:`, indexed `anet 0:`): the block
   * exactly as printed, header included. Its `props` are read best-effort; nothing acts on them.
   */
  raw?: string;
}

export interface ZonecfgInfo {
  /** "" when the text has no `zonename` line (a fragment, `info <resource>`). */
  zonename: string;
  zonepath?: string;
  brand?: string;
  /** false when not printed. */
  autoboot: boolean;
  /** A missing ip-type is shared (libzonecfg reads it so). */
  ipType: "exclusive" | "shared";
  /** Every other top-level property that had a value (bootargs, pool, cpu-shares, …). */
  props: Record<string, string>;
  nets: ZonecfgNet[];
  /** Every non-net resource, in output order (fs, capped-memory, attr, dataset, …, unknown ones). */
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
