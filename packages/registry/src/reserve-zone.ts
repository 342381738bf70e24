import { PoolExhaustedError } from "@zmgr/ipam";
import type { Pool } from "@zmgr/kdl-schema";
import { ConflictError } from "./errors.js";
import { ipPoolOf } from "./pool-net.js";
import { relativePath, type Storage } from "./storage.js";
import { ContendedError } from "./storage-errors.js";

export interface ReserveZoneOptions {
  storage: Storage;
  zone: string;
  /** The pool the addresses come from. */
  pool: Pool;
  count?: number;
  /** The zone document holding `addresses` ("a/p"), with its `status "creating"`. */
  text: (addresses: string[]) => string;
  /** The create's nonce: the same over every attempt. */
  nonce: string;
  /** The retry budget (`--lock-timeout`). */
  budgetMs: number;
  now: () => number;
  random: () => number;
  /** Waits `ms` (a jittered backoff after a conflict; tests inject 0–20 ms between read and commit). */
  delay: (ms: number) => Promise<void>;
  /** Called between reading the used set and committing (tests widen the race window here). */
  betweenReadAndCommit?: () => Promise<void>;
}

export interface ReservedZone {
  text: string;
  version: string;
  /** Attempts that met another writer before this one committed. */
  conflicts: number;
}

/** How many of the lowest free addresses a pick is drawn from, so racing creators spread out. */
const SPREAD = 8;

/**
 * Lock-free allocation (SPEC §6): read the pool's used set, pick at random among the lowest free,
 * commit the zone with its claims and reservation in one guarded commit; on a conflict re-read and
 * retry with jitter until the budget runs out (`zmgr::registry::contended`). The result is the
 * zone as stored (after a lost reply, the committed attempt's, not necessarily the last one's).
 */
export async function reserveZone(o: ReserveZoneOptions): Promise<ReservedZone> {
  const pool = ipPoolOf(o.pool);
  const count = o.count ?? 1;
  const started = o.now();
  let conflicts = 0;
  for (;;) {
    const used = await o.storage.usedAddresses([o.pool]);
    const addresses = pick(
      () => pool.allocate(used, count + SPREAD),
      () => pool.allocate(used, count),
      count,
      o.random,
    );
    await o.betweenReadAndCommit?.();
    try {
      const result = await o.storage.commit({
        changes: [{ kind: "zone", name: o.zone, text: o.text(addresses), expected: null }],
        reservation: { zone: o.zone, nonce: o.nonce, step: "take" },
      });
      const stored = result.get(relativePath("zone", o.zone))!;
      return { text: stored.text, version: stored.version, conflicts };
    } catch (err) {
      if (!(err instanceof ConflictError) || isZoneConflict(err, o.zone)) throw err;
      conflicts++;
      if (o.now() - started >= o.budgetMs) throw new ContendedError(o.zone, conflicts, o.budgetMs);
      await o.delay(Math.floor(o.random() * Math.min(50, 5 * conflicts)));
    }
  }
}

function pick(
  wide: () => string[],
  narrow: () => string[],
  count: number,
  random: () => number,
): string[] {
  let candidates: string[];
  try {
    candidates = wide();
  } catch (err) {
    if (!(err instanceof PoolExhaustedError)) throw err;
    return narrow();
  }
  const out: string[] = [];
  while (out.length < count) {
    const i = Math.floor(random() * candidates.length);
    out.push(...candidates.splice(i, 1));
  }
  return out;
}

/** A conflict on the zone document itself: the zone exists; retrying cannot help. */
function isZoneConflict(err: ConflictError, zone: string): boolean {
  return (err.details as { file?: string } | undefined)?.file === relativePath("zone", zone);
}
