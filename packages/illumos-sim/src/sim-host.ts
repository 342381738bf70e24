import { readFileSync, writeFileSync } from "node:fs";
import type { Command, ExecResult, ZonecfgNet, ZoneState } from "@zmgr/illumos-exec";
import { dladm } from "./sim-dladm.js";
import { getopt } from "./sim-getopt.js";
import { applyFailure, type FaultSpec, firingFaults, toFault } from "./sim-inject.js";
import {
  defaultBrand,
  defaultIpType,
  freshState,
  inKernel,
  type SimFlavour,
  type SimLink,
  type SimResource,
  type SimState,
  type SimZone,
  stateRank,
} from "./sim-model.js";
import { pkg } from "./sim-pkg.js";
import { restoreState } from "./sim-state-json.js";
import { tar } from "./sim-tar.js";
import { baseName, nextMac, nextUuid, type SimCtx, SimOut } from "./sim-util.js";
import { simZlogin, type ZloginTarget, zloginCheck } from "./sim-zlogin.js";
import { simZoneFiles } from "./sim-zone-files.js";
import { zoneadm } from "./sim-zoneadm.js";
import { zonecfg } from "./sim-zonecfg.js";

export interface SimZoneSpec {
  name: string;
  brand?: string;
  /** Default `installed`. */
  state?: ZoneState;
  ipType?: "exclusive" | "shared";
  nets?: ZonecfgNet[];
  zonepath?: string;
  autoboot?: boolean;
  uuid?: string;
  id?: number;
  debugId?: number;
  /** Other resources (fs, dataset, attr, capped-memory, rctl, …). */
  resources?: SimResource[];
  props?: Record<string, string>;
}

export interface SimLinkSpec {
  name: string;
  class: "phys" | "etherstub" | "vnic";
  over?: string;
  mtu?: number;
  state?: "up" | "down" | "unknown";
  ipPlumbed?: boolean;
  mac?: string;
  speed?: number;
  media?: string;
  duplex?: string;
  device?: string;
  vid?: number;
}

const NET_KEYS: Record<string, string> = {
  address: "address",
  allowedAddress: "allowed-address",
  physical: "physical",
  defrouter: "defrouter",
  globalNic: "global-nic",
  macAddr: "mac-addr",
  vlanId: "vlan-id",
};

const PROGRAMS: Record<string, (ctx: SimCtx, args: string[]) => void> = {
  zoneadm,
  zonecfg,
  dladm,
  pkg,
  zlogin: simZlogin,
  tar,
};

/** Commands that only read: `tar`, `zoneadm list`, `zonecfg -z Z info|export` (one-shot), `dladm show-*`. */
function isQuery(prog: string, args: string[]): boolean {
  if (prog === "tar") return true;
  if (prog === "zoneadm") return args[0] === "list" || (args[0] === "-z" && args[2] === "list");
  if (prog === "zonecfg") return args.length === 3 && args[0] === "-z" && args[2] === "info";
  if (prog === "dladm") return (args[0] ?? "").startsWith("show-");
  return false;
}

/** A stateful model of one illumos host answering zoneadm, zonecfg, dladm and `pkg -R`. */
export class SimHost {
  state: SimState;

  /** The SPEC §4 host: the global zone, `net0` (IP plumbed), etherstubs `oinetint0` and `pubstub0`. */
  constructor(opts: { flavour?: SimFlavour } = {}) {
    this.state = freshState(opts.flavour);
  }

  /** Same as `new SimHost(opts)`. */
  static fresh(opts: { flavour?: SimFlavour } = {}): SimHost {
    return new SimHost(opts);
  }

  /** A bare host: the global zone and no datalinks (to rebuild a captured host exactly). */
  static empty(opts: { flavour?: SimFlavour } = {}): SimHost {
    const h = new SimHost(opts);
    h.state.links = [];
    return h;
  }

  static fromJSON(json: unknown): SimHost {
    const h = new SimHost();
    h.state = restoreState(json);
    return h;
  }

  toJSON(): SimState {
    return JSON.parse(JSON.stringify(this.state)) as SimState;
  }

  get flavour(): SimFlavour {
    return this.state.flavour;
  }

  zone(name: string): SimZone | undefined {
    return this.state.zones.find((z) => z.name === name);
  }

  link(name: string): SimLink | undefined {
    return this.state.links.find((l) => l.name === name);
  }

  withZone(z: SimZoneSpec): this {
    const s = this.state;
    const state = z.state ?? "installed";
    const zonepath = z.zonepath ?? `/zones/${z.name}`;
    const nets: SimResource[] = (z.nets ?? []).map(({ properties, otherProps, ...n }) => ({
      type: "net",
      props: {
        ...Object.fromEntries(
          Object.entries(n).flatMap(([k, v]) => (v === undefined ? [] : [[NET_KEYS[k] ?? k, v]])),
        ),
        ...otherProps,
      },
      ...(properties
        ? {
            lists: {
              property: Object.entries(properties).map(([k, v]) => `(name=${k},value="${v}")`),
            },
          }
        : {}),
    }));
    const zone: SimZone = {
      name: z.name,
      state,
      uuid: z.uuid ?? nextUuid(s, z.name),
      debugId: z.debugId ?? s.nextDebugId,
      zonepath,
      brand: z.brand ?? defaultBrand(s.flavour),
      autoboot: z.autoboot ?? false,
      ipType: z.ipType ?? defaultIpType(s.flavour),
      props: { ...z.props },
      resources: [...(z.resources ?? []), ...nets],
      publishers: [],
    };
    s.nextDebugId = Math.max(s.nextDebugId, zone.debugId + 1);
    if (inKernel(state)) {
      zone.id = z.id ?? s.nextZoneId;
      s.nextZoneId = Math.max(s.nextZoneId, zone.id + 1);
    }
    if (stateRank(state) >= stateRank("installed")) {
      zone.publishers = structuredClone(s.publishers);
      if (zonepath.startsWith("/zones/")) {
        zone.dataset = `rpool${zonepath}`;
        s.datasets[zonepath] = zone.dataset;
      }
    }
    s.zones.push(zone);
    return this;
  }

  withLink(l: SimLinkSpec): this {
    const s = this.state;
    const over = l.over !== undefined ? this.link(l.over) : undefined;
    const link: SimLink = {
      name: l.name,
      class: l.class,
      mtu: l.mtu ?? over?.mtu ?? (l.class === "etherstub" ? 9000 : 1500),
      state: l.state ?? "up",
    };
    if (l.class === "phys") {
      link.ipPlumbed = l.ipPlumbed ?? false;
      link.media = l.media ?? "Ethernet";
      link.speed = l.speed ?? 1000;
      link.duplex = l.duplex ?? "full";
      link.device = l.device ?? l.name;
    }
    if (l.class === "vnic") {
      link.over = l.over ?? "";
      link.mac = l.mac ?? nextMac(s, l.name);
      link.macType = "random";
      link.vid = l.vid ?? 0;
      if (l.speed !== undefined) link.speed = l.speed;
    }
    s.links.push(link);
    return this;
  }

  /** The zone configuration directory as `tar` serves it: file name → text. */
  zoneFiles(): Map<string, string> {
    return simZoneFiles(this.state);
  }

  /** Edit a file of the zone configuration directory by hand (`null` removes it). */
  editZoneFile(name: string, text: string | null): this {
    this.state.zoneFiles = { ...this.state.zoneFiles, [name]: text };
    return this;
  }

  /** Serve the zone configuration files from another directory (an alternate root). */
  withZonesDir(dir: string): this {
    this.state.zonesDir = dir;
    return this;
  }

  /** Fail or delay the nth command matching `f.match`; kept in the state (works across processes). */
  inject(f: FaultSpec): this {
    this.state.faults.push(toFault(f));
    return this;
  }

  /**
   * The first half of an interactive command: a zlogin console or login shell on a terminal gives
   * its checked target (the caller runs `zloginSession`); anything else runs as `run` does.
   */
  prepareInteractive(
    cmd: Command,
    terminal: boolean,
  ): { target: ZloginTarget } | { result: ExecResult; delayMs: number } {
    const argv = [cmd.file, ...cmd.args];
    if (baseName(argv[0] ?? "") === "pfexec") argv.shift();
    const args = argv.slice(1);
    const g = getopt(args, "nECR:Se:l:Q");
    const session = g.opts.some((o) => o.opt === "C") || (terminal && g.operands.length === 1);
    if (baseName(argv[0] ?? "") !== "zlogin" || !session) return this.runDetailed(cmd);
    const out = new SimOut();
    const target = zloginCheck(this.state, args, out, terminal);
    return target ? { target } : { result: { ...out }, delayMs: 0 };
  }

  run(cmd: Command): ExecResult {
    return this.runDetailed(cmd).result;
  }

  /** Run one command; `delayMs` is how long it should take (0 unless a delay was injected). */
  runDetailed(cmd: Command): { result: ExecResult; delayMs: number } {
    let argv = [cmd.file, ...cmd.args];
    if (baseName(argv[0] ?? "") === "pfexec") argv = argv.slice(1);
    const prog = baseName(argv[0] ?? "");
    const args = argv.slice(1);
    const out = new SimOut();
    const handler = PROGRAMS[prog];
    if (!handler) {
      out.fail(`zmgr-sim: ${prog}: command not found`, 127);
      return { result: { ...out }, delayMs: 0 };
    }
    const line = [prog, ...args].join(" ");
    // Restored if a handler throws (a simulator bug must not leave a half-made change). Queries
    // change nothing and skip the copy (it costs milliseconds per command at 10,000 zones).
    const snapshot = isQuery(prog, args) ? undefined : JSON.stringify(this.state);
    const ctx: SimCtx = {
      state: this.state,
      out,
      stdin: cmd.stdin ?? "",
      readFile: (p) => readFileSync(p, "utf8"),
      writeFile: (p, t) => writeFileSync(p, t),
    };
    const faults = firingFaults(this.state, line);
    const delayMs = faults.reduce((n, f) => n + (f.delayMs ?? 0), 0);
    if (delayMs > 0)
      this.state.delays = [...this.state.delays, { argv: line, delayMs }].slice(-100);
    const failing = faults.find((f) => f.exitCode !== undefined);
    try {
      if (failing) applyFailure(ctx, prog, args, failing);
      else handler(ctx, args);
    } catch (e) {
      const faultState = this.state.faults;
      if (snapshot) this.state = { ...(JSON.parse(snapshot) as SimState), faults: faultState };
      out.fail(`${prog}: internal simulator error: ${(e as Error).message}`);
    }
    const result: ExecResult = { exitCode: out.exitCode, stdout: out.stdout, stderr: out.stderr };
    if (cmd.encoding === "buffer") {
      result.stdout = "";
      result.stdoutBytes = out.bytes ?? new TextEncoder().encode(out.stdout);
    } else if (out.bytes) result.stdout = new TextDecoder().decode(out.bytes);
    return { result, delayMs };
  }
}
