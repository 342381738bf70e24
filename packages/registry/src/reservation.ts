import type { NetStatus, Zone, ZoneStatus } from "@zmgr/kdl-schema";
import { type ProcessProbe, probeOf, processGone, sameMachine } from "./process-probe.js";

export type ReservationState = "creating" | "interrupted" | "failed";

export interface Reserver {
  pid: number;
  /** The machine running the create (written `by=`). */
  host: string;
  /** Its stable host id (`host-id=`), when it has one. */
  hostId?: string;
  /** The process start time as the prober reads it (`pid-start=`). */
  pidStart?: string;
  /** ISO time the create started. */
  started: string;
}

/** This machine, as reservations are judged from it. */
export interface ReservationJudge {
  host: string;
  hostId?: string | undefined;
  /** How processes are probed (pid + start time); default this machine's. */
  probe?: ProcessProbe;
  /** Pid-only liveness (made-up pids in tests); used when no `probe` is given. */
  isAlive?: (pid: number) => boolean;
}

/**
 * The zone with `status "creating" by=… host-id=… pid=… pid-start=… started=…`: the
 * reservation of a running create.
 */
export function withReservation(zone: Zone, by: Reserver): Zone {
  const status: ZoneStatus = { state: "creating", pid: by.pid, host: by.host };
  if (by.hostId !== undefined) status.hostId = by.hostId;
  if (by.pidStart !== undefined) status.pidStart = by.pidStart;
  status.started = by.started;
  return { ...zone, status };
}

/** The zone with `status "failed"`: the create failed without rollback; addresses stay reserved. */
export function withFailure(zone: Zone, reason: string): Zone {
  const status: ZoneStatus = { ...zone.status, state: "failed", reason };
  return { ...zone, status };
}

/** The zone of a finished create: no status. */
export function withoutStatus(zone: Zone): Zone {
  const { status: _dropped, ...rest } = zone;
  return rest;
}

/**
 * What a zone's status means now: `failed`; `creating` while its process may still run; or
 * `interrupted` when it was made on this machine (host id, else host name) and that process
 * (pid and, when recorded, start time) is gone, or no pid was recorded. A reservation from
 * another machine cannot be checked from here and counts as `creating` (see `reservedElsewhere`).
 */
export function reservationState(zone: Zone, here: ReservationJudge): ReservationState | undefined {
  const status = zone.status;
  if (status === undefined) return undefined;
  if (status.state === "failed") return "failed";
  if (reservedElsewhere(zone, here) !== undefined) return "creating";
  if (status.pid === undefined) return "interrupted";
  return processGone(probeOf(here), status.pid, status.pidStart) ? "interrupted" : "creating";
}

/**
 * What a net's `status "adding"` means now, judged like a reservation: `elsewhere` when it was
 * written on another machine (cannot be checked from here), `interrupted` when it was written on
 * this machine and that process (pid and, when recorded, start time) is gone, else `adding`. A
 * status without a pid cannot be judged and counts as `adding` (fail closed: its addresses stay
 * held, nothing is cleaned up behind a process that may still run).
 */
export function netAddState(
  status: NetStatus,
  here: ReservationJudge,
): "adding" | "interrupted" | "elsewhere" {
  if (status.host !== undefined && !sameMachine(status, here)) return "elsewhere";
  if (status.pid === undefined) return "adding";
  return processGone(probeOf(here), status.pid, status.pidStart) ? "interrupted" : "adding";
}

/** The machine a `creating` reservation was made on, when that is not this one. */
export function reservedElsewhere(zone: Zone, here: ReservationJudge): string | undefined {
  const status = zone.status;
  if (status?.state !== "creating" || status.host === undefined) return undefined;
  const theirs = { host: status.host, hostId: status.hostId };
  return sameMachine(theirs, here) ? undefined : status.host;
}
