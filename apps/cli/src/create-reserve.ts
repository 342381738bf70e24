import { ZmgrError } from "@zmgr/errors";
import type { Snapshot } from "@zmgr/registry";
import { type CreateProposal, type CreateRequest, proposeZone } from "./create-proposal.js";
import { addZoneConfigs, type GatheredFacts, missingZoneConfigs } from "./host-facts.js";
import type { Invocation } from "./kit.js";
import { type Session, verboseNote } from "./session.js";

/** Rounds of "leave the lock, read the zonecfg info of zones that appeared, try again". */
const FACT_ROUNDS = 3;

/**
 * SPEC §3.1 step 2: under the lock only registry I/O — load, pre-flight against the facts
 * gathered before, allocate, write the reservation. A host zone the locked snapshot cannot vouch
 * for (registered meanwhile and gone, or its document broke) and whose `zonecfg info` was not
 * read: the lock is released, that info read, and the section retried (fail closed after
 * FACT_ROUNDS). No system command ever runs while the lock is held.
 */
export async function reserveUnderLock(
  s: Session,
  req: CreateRequest,
  gathered: GatheredFacts,
  held?: (ms: number) => void,
): Promise<CreateProposal> {
  let facts = gathered;
  for (let round = 1; ; round++) {
    const outcome = await timedLock(
      s,
      async (snap): Promise<{ proposal: CreateProposal } | { missing: string[] }> => {
        const missing = missingZoneConfigs(snap, facts);
        if (missing.length > 0) return { missing };
        const proposal = proposeZone(snap, req, facts);
        await s.registry.reserve(proposal.zone);
        return { proposal };
      },
      held,
    );
    if ("proposal" in outcome) return outcome.proposal;
    if (round >= FACT_ROUNDS) throw new HostZonesChangingError(req.name, outcome.missing);
    facts = await addZoneConfigs(
      s.host,
      facts,
      outcome.missing,
      s.snapshot.config.zonesDir,
      verboseNote(s),
    );
  }
}

/**
 * withLock, reporting how long the lock was held: from the snapshot load under the lock (right
 * after it was taken) until it was released. Measured here until registry's `withLock` reports
 * it itself (an `onHeld` option); then pass `held` through instead of wrapping `load`.
 */
async function timedLock<T>(
  s: Session,
  fn: (snap: Snapshot) => Promise<T>,
  held?: (ms: number) => void,
): Promise<T> {
  const opts = { timeoutMs: s.lockTimeoutMs, onNote: (m: string) => s.out.note(m) };
  if (!held) return s.registry.withLock(fn, opts);
  const registry = s.registry;
  const load = registry.load;
  let start: number | undefined;
  registry.load = async () => {
    start ??= performance.now();
    return load.call(registry);
  };
  try {
    return await registry.withLock(fn, opts);
  } finally {
    registry.load = load;
    if (start !== undefined) held(performance.now() - start);
  }
}

/** With `ZMGR_LOCK_HOLD_REPORT=1`: one `lock-held-ms <ms>` line on stderr per lock (benchmarks). */
export function onHeld(inv: Invocation): ((ms: number) => void) | undefined {
  const { deps } = inv.ctx;
  if (deps.env.ZMGR_LOCK_HOLD_REPORT !== "1") return undefined;
  return (ms) => deps.stderr(`lock-held-ms ${ms.toFixed(2)}\n`);
}

export class HostZonesChangingError extends ZmgrError {
  constructor(zone: string, zones: string[]) {
    super(
      "zmgr::create::host_changing",
      `cannot create zone ${zone}: host zones ${zones.join(", ")} keep changing while their addresses are read`,
      {
        help: "run create again once other zone operations on this host have finished",
        details: { zone, zones },
      },
    );
  }
}
