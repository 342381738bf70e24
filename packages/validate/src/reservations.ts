import { hostname as osHostname } from "node:os";
import type { Diagnostic } from "@zmgr/errors";
import { machineId, reservationState, reservedElsewhere } from "@zmgr/registry";
import type { HostIndex } from "./context.js";
import { diag } from "./diagnostic.js";
import type { ZoneSubject } from "./types.js";

export interface ReservationDeps {
  /** Pid-only liveness (made-up pids in tests); default the registry's probe (pid + start time). */
  isAlive?: (pid: number) => boolean;
  hostname: string;
  /** This machine's stable id (default `/etc/machine-id`, when there is one). */
  hostId?: string;
  host?: HostIndex;
}

export function defaultReservationDeps(opts: {
  isAlive?: (pid: number) => boolean;
  hostname?: string;
  hostId?: string;
  host?: HostIndex;
}): ReservationDeps {
  const deps: ReservationDeps = { hostname: opts.hostname ?? osHostname() };
  if (opts.isAlive) deps.isAlive = opts.isAlive;
  const hostId = opts.hostId ?? machineId();
  if (hostId !== undefined) deps.hostId = hostId;
  if (opts.host) deps.host = opts.host;
  return deps;
}

/** What `zmgr destroy` will do for this zone: from the live state when host facts are known. */
export function cleanupPlan(z: ZoneSubject, host?: HostIndex): string {
  const vnics = z.zone.nets.flatMap((n) => (n.vnic === undefined ? [] : [n.vnic]));
  const file = z.file ?? `zones/${z.name}.kdl`;
  if (!host) {
    const v = vnics.length > 0 ? `, deletes VNIC ${vnics.join(", ")}` : "";
    return `halts, uninstalls and deletes whatever exists of the zone${v} and removes ${file}`;
  }
  const steps: string[] = [];
  const state = host.zones.get(z.name)?.state;
  if (state === "running" || state === "ready" || state === "down" || state === "shutting_down") {
    steps.push(`zoneadm -z ${z.name} halt`);
  }
  if (state !== undefined && state !== "configured")
    steps.push(`zoneadm -z ${z.name} uninstall -F`);
  if (state !== undefined) steps.push(`zonecfg -z ${z.name} delete -F`);
  for (const v of vnics) if (host.vnics.has(v)) steps.push(`dladm delete-vnic ${v}`);
  const remove = `removes ${file} (freeing its addresses)`;
  return steps.length === 0 ? remove : `runs \`${steps.join("; ")}\`, then ${remove}`;
}

export function checkReservation(z: ZoneSubject, deps: ReservationDeps): Diagnostic[] {
  // the registry's own rule, so `validate`, `list` and `status` never disagree
  const here = {
    host: deps.hostname,
    ...(deps.hostId === undefined ? {} : { hostId: deps.hostId }),
    ...(deps.isAlive ? { isAlive: deps.isAlive } : {}),
  };
  const state = reservationState(z.zone, here);
  const by = state === "creating" ? reservedElsewhere(z.zone, here) : undefined;
  if (by !== undefined) {
    const st = z.zone.status!;
    return [
      diag(
        "zmgr::reservation::elsewhere",
        "warning",
        `zone "${z.name}" is creating by ${by} (pid ${st.pid ?? "?"}${st.started ? `, since ${st.started}` : ""}): this machine cannot tell whether that create still runs; its addresses stay reserved`,
        `let it finish on ${by}; if it no longer runs there, settle it with \`zmgr destroy ${z.name} --force\``,
        z.file,
        ["zone", "status"],
      ),
    ];
  }
  if (state !== "interrupted" && state !== "failed") return [];
  const status = z.zone.status!;
  const what =
    state === "failed"
      ? `the create of zone "${z.name}" failed without rollback${status.reason ? ` (${status.reason})` : ""}`
      : `the create of zone "${z.name}" was interrupted (pid ${status.pid ?? "?"} is gone)`;
  return [
    diag(
      `zmgr::reservation::${state}`,
      "warning",
      `${what}; its addresses stay reserved`,
      `clean up with \`zmgr destroy ${z.name} --yes\`, which ${cleanupPlan(z, deps.host)}`,
      z.file,
      ["zone", "status"],
    ),
  ];
}
