import type { IllumosHost, Plan } from "@zmgr/illumos-exec";
import type { Zone } from "@zmgr/kdl-schema";
import type { Registry } from "@zmgr/registry";
import { readLive, teardownSteps } from "../../shared/teardown.js";

/** The VNICs zmgr made for a zone: those recorded in its file. Shared-IP stubs are never listed. */
export function zoneVnics(zone: Zone): string[] {
  return zone.nets.flatMap((n) => (n.vnic ? [n.vnic] : []));
}

/**
 * destroy rolls forward: steps chosen from the live state, each safe to repeat, the registry
 * file removed last. After a failure, running destroy again finishes the job.
 */
export async function buildDestroyPlan(
  host: IllumosHost,
  registry: Registry,
  zone: Zone,
  lockTimeoutMs: number,
): Promise<Plan> {
  const live = await readLive(host, zone.name, zoneVnics(zone));
  const steps = teardownSteps(zone.name, live);
  steps.push({
    id: "unregister",
    title: `remove zones/${zone.name}.kdl from the registry`,
    run: () =>
      registry.withLock(
        async (snap) => {
          const file = snap.zones.get(zone.name);
          if (file) await registry.remove("zone", zone.name, file);
        },
        { timeoutMs: lockTimeoutMs },
      ),
  });
  return { title: `destroy zone ${zone.name}`, steps };
}
