import {
  buildRemoveNetScript,
  IllumosHost,
  illumosCommands,
  type Plan,
  type PlanStep,
} from "@zmgr/illumos-exec";
import type { Registry } from "@zmgr/registry";
import { createVnicStep, zonecfgScriptCommand, zonecfgStep } from "../create/plan.js";
import type { NetAddProposal } from "./add-proposal.js";
import { editZoneNets, liveResources } from "./plan-common.js";

export interface NetAddPlanDeps {
  registry: Registry;
  lockTimeoutMs: number;
}

/**
 * `net add` as a plan: the VNIC, the zonecfg net resources, (reboot), then the net's status
 * dropped. Recovery works from the live state: the resources still configured, the VNIC if it
 * exists (only the one this add planned, which pre-flight proved free), then the net record.
 */
export function buildNetAddPlan(p: NetAddProposal, deps: NetAddPlanDeps): Plan {
  const { zone } = p;
  const steps: PlanStep[] = [];
  if (p.vnic) steps.push(createVnicStep(p.vnic));
  steps.push(zonecfgStep(zone, `add net ${p.net.name} to the configuration of ${zone}`, p.script));
  if (p.reboot && p.state === "running") {
    steps.push({
      id: "reboot",
      title: `reboot zone ${zone}`,
      commands: [illumosCommands.reboot(zone)],
      run: (ctx) => new IllumosHost(ctx.exec).reboot(zone),
    });
  }
  steps.push({
    id: "record",
    title: `record net ${p.net.name} in zones/${zone}.kdl`,
    run: () =>
      editZoneNets(
        deps.registry,
        zone,
        (nets) => nets.map((n) => (n.name === p.net.name ? withoutStatus(n) : n)),
        deps.lockTimeoutMs,
      ),
  });
  return {
    title: `add net ${p.net.name} to zone ${zone}`,
    steps,
    recover: async (_failure, ctx) => rollbackSteps(new IllumosHost(ctx.exec), p, deps),
  };
}

/** Undo from what is on the host now. */
export async function rollbackSteps(
  host: IllumosHost,
  p: NetAddProposal,
  deps: NetAddPlanDeps,
): Promise<PlanStep[]> {
  const steps: PlanStep[] = [];
  const configured = await liveResources(host, p.zone, p.ipType, p.cfgNets);
  if (configured.length > 0) {
    const script = buildRemoveNetScript(p.ipType, configured);
    steps.push({
      id: "unconfigure",
      title: `remove net ${p.net.name} from the configuration of ${p.zone}`,
      commands: [zonecfgScriptCommand(p.zone, script)],
      run: (ctx) => new IllumosHost(ctx.exec).applyZonecfg(p.zone, script),
    });
  }
  const v = p.vnic;
  if (v && (await host.showVnic(v.name))) {
    steps.push({
      id: `delete-vnic:${v.name}`,
      title: `delete VNIC ${v.name}`,
      commands: [illumosCommands.deleteVnic(v.name)],
      run: (ctx) => new IllumosHost(ctx.exec).deleteVnic(v.name),
    });
  }
  steps.push({
    id: "unrecord",
    title: `drop net ${p.net.name} from zones/${p.zone}.kdl`,
    run: () =>
      editZoneNets(
        deps.registry,
        p.zone,
        (nets) => nets.filter((n) => n.name !== p.net.name),
        deps.lockTimeoutMs,
      ),
  });
  return steps;
}

function withoutStatus<T extends { status?: unknown }>(n: T): T {
  const { status: _s, ...rest } = n;
  return rest as T;
}
