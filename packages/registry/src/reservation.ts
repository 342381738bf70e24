import type { Zone, ZoneStatus } from "@zmgr/kdl-schema";

export type ReservationState = "creating" | "interrupted" | "failed";

export interface Reserver {
  pid: number;
  host: string;
  /** ISO time the create started. */
  started: string;
}

/** The zone with `status "creating" pid=… host=… started=…`: the reservation of a running create. */
export function withReservation(zone: Zone, by: Reserver): Zone {
  return {
    ...zone,
    status: { state: "creating", pid: by.pid, host: by.host, started: by.started },
  };
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
 * `interrupted` when it was recorded on this host and that process is gone (or no pid was
 * recorded). A reservation from another host cannot be checked and counts as `creating`.
 */
export function reservationState(
  zone: Zone,
  here: { host: string; isAlive: (pid: number) => boolean },
): ReservationState | undefined {
  const status = zone.status;
  if (status === undefined) return undefined;
  if (status.state === "failed") return "failed";
  if (status.host !== undefined && status.host !== here.host) return "creating";
  if (status.pid === undefined) return "interrupted";
  return here.isAlive(status.pid) ? "creating" : "interrupted";
}
