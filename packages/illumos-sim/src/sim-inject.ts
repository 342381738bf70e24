import type { ZoneState } from "@zmgr/illumos-exec";
import type { SimFault, SimState } from "./sim-model.js";
import type { SimCtx } from "./sim-util.js";
import { beginInstall } from "./sim-zoneadm-install.js";
import { setZoneState } from "./sim-zoneadm-ops.js";

/** What a test asks for (`SimHost.inject`). */
export interface FaultSpec {
  /** Prefix of the joined argv without pfexec (`"zoneadm -z web install"`), or a RegExp tested against it. */
  match: string | RegExp;
  /** Which matching command fires, 1-based (default 1). */
  nth?: number;
  /** How many matches fire from the nth on (default 1; 0 = all of them). */
  times?: number;
  /** Fail with this exit code instead of running the command. */
  exitCode?: number;
  stderr?: string;
  stdout?: string;
  /** State the `-z` zone is left in (default for `install`: `incomplete`, as a real failed install). */
  leaveState?: ZoneState;
  /** The command takes this long (the executors wait; `SimHost.run` only records it). */
  delayMs?: number;
}

export function toFault(spec: FaultSpec): SimFault {
  const f: SimFault = {
    match:
      typeof spec.match === "string"
        ? spec.match
        : { regex: spec.match.source, flags: spec.match.flags },
    nth: spec.nth ?? 1,
    times: spec.times ?? 1,
    seen: 0,
  };
  if (spec.exitCode !== undefined) f.exitCode = spec.exitCode;
  if (spec.stderr !== undefined) f.stderr = spec.stderr;
  if (spec.stdout !== undefined) f.stdout = spec.stdout;
  if (spec.leaveState !== undefined) f.leaveState = spec.leaveState;
  if (spec.delayMs !== undefined) f.delayMs = spec.delayMs;
  return f;
}

function matchesLine(f: SimFault, line: string): boolean {
  if (typeof f.match === "string") return line.startsWith(f.match);
  return new RegExp(f.match.regex, f.match.flags.replace("g", "")).test(line);
}

/** Count this command against every fault; return those that fire for it. */
export function firingFaults(state: SimState, line: string): SimFault[] {
  const fired: SimFault[] = [];
  for (const f of state.faults) {
    if (!matchesLine(f, line)) continue;
    f.seen += 1;
    if (f.seen >= f.nth && (f.times === 0 || f.seen < f.nth + f.times)) fired.push(f);
  }
  return fired;
}

/** Fail the command the way the fault says, leaving the zone as a real failure would. */
export function applyFailure(ctx: SimCtx, prog: string, args: string[], f: SimFault): void {
  const zi = args.indexOf("-z");
  const zone = zi >= 0 ? ctx.state.zones.find((z) => z.name === args[zi + 1]) : undefined;
  const install = prog === "zoneadm" && args.includes("install");
  const leave =
    f.leaveState ?? (install && zone?.state === "configured" ? "incomplete" : undefined);
  if (zone && leave !== undefined) {
    if (install && leave === "incomplete") beginInstall(ctx, zone, args.includes("nodataset"));
    else setZoneState(ctx.state, zone, leave);
  }
  if (f.stdout !== undefined) ctx.out.stdout += f.stdout;
  const msg = f.stderr ?? `${prog}: simulated failure (injected)`;
  ctx.out.stderr += msg.endsWith("\n") || msg === "" ? msg : `${msg}\n`;
  ctx.out.exitCode = f.exitCode ?? 1;
}
