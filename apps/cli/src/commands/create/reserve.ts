import { ZmgrError } from "@zmgr/errors";
import { addZoneConfigs, type GatheredFacts, missingZoneConfigs } from "../../shared/host-facts.js";
import { type Session, verboseNote } from "../../shared/session.js";
import { type CreateProposal, type CreateRequest, proposeZone } from "./proposal.js";

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
): Promise<CreateProposal> {
  let facts = gathered;
  for (let round = 1; ; round++) {
    const outcome = await s.registry.withLock(
      async (snap): Promise<{ proposal: CreateProposal } | { missing: string[] }> => {
        const missing = missingZoneConfigs(snap, facts);
        if (missing.length > 0) return { missing };
        const proposal = proposeZone(snap, req, facts);
        await s.registry.reserve(proposal.zone);
        return { proposal };
      },
      { timeoutMs: s.lockTimeoutMs, onNote: (m: string) => s.out.note(m) },
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
