import type { Plan, PlanStep } from "@zmgr/illumos-exec";
import type { Zone } from "@zmgr/kdl-schema";
import type { Registry } from "@zmgr/registry";
import { buildLedger, requireReadableLedger } from "@zmgr/validate";
import { AddressTakenMeanwhileError, ZoneRegisteredMeanwhileError } from "./errors.js";
import { claimsOf, findClash } from "./ledger.js";

export function stepId(zone: string): string {
  return `import:${zone}`;
}

/**
 * One step per adopted zone. Each takes the registry lock, checks again that the name and the
 * addresses are still free (another command may have run since the host was read) and writes
 * the zone file atomically, with compare-and-swap on "does not exist yet". Nothing touches the host.
 */
export function buildImportPlan(
  registry: Registry,
  zones: Zone[],
  opts: { lockTimeoutMs: number; onNote?: (message: string) => void },
): Plan {
  const steps = zones.map(
    (zone): PlanStep => ({
      id: stepId(zone.name),
      title: `register zone ${zone.name} (zones/${zone.name}.kdl)`,
      run: () => writeZone(registry, zone, opts),
    }),
  );
  return {
    title: `import ${zones.length} zone${zones.length === 1 ? "" : "s"} into ${registry.root}`,
    // No `recover`: nothing touches the host and every step is one atomic file write; a zone
    // written before a failure is correctly imported, so there is nothing to undo.
    steps,
  };
}

async function writeZone(
  registry: Registry,
  zone: Zone,
  opts: { lockTimeoutMs: number; onNote?: (message: string) => void },
): Promise<void> {
  const lockOpts = opts.onNote
    ? { timeoutMs: opts.lockTimeoutMs, onNote: opts.onNote }
    : { timeoutMs: opts.lockTimeoutMs };
  await registry.withLock(async (snapshot) => {
    if (snapshot.zones.has(zone.name)) throw new ZoneRegisteredMeanwhileError(zone.name);
    requireReadableLedger(snapshot, buildLedger(snapshot), `import zone ${zone.name}`);
    const clash = findClash(claimsOf(snapshot), zone);
    if (clash) throw new AddressTakenMeanwhileError(zone.name, clash.address, clash.owner);
    await registry.put("zone", zone);
  }, lockOpts);
}
