import { ZmgrError } from "@zmgr/errors";
import {
  buildRemoveNetScript,
  IllumosHost,
  illumosCommands,
  type Plan,
  type PlanStep,
  runPlan,
  type ZoneState,
} from "@zmgr/illumos-exec";
import type { ZoneNet } from "@zmgr/kdl-schema";
import type { Registry } from "@zmgr/registry";
import type { Invocation } from "../../shared/kit.js";
import {
  createProgress,
  errorLine,
  planResultJson,
  renderFailures,
} from "../../shared/progress.js";
import { openSession } from "../../shared/session.js";
import { ZoneNotRegisteredError } from "../create/errors.js";
import { zonecfgScriptCommand } from "../create/plan.js";
import { NetFailedError } from "./errors.js";
import { editZoneNets, type NetResource, renderNetDryRun } from "./plan-common.js";

const IN_KERNEL = new Set<ZoneState>(["ready", "running", "shutting_down", "down", "mounted"]);

/**
 * `zmgr net remove`: rolls forward like destroy. From the live state: (halt), one `remove net`
 * per resource of the net, delete its VNIC, drop the net from the zone document (its addresses
 * are free only now that the VNIC is gone), (boot). Every step re-reads the host before acting,
 * so running it again after a failure finishes the job.
 */
export async function runNetRemove(
  inv: Invocation,
  zone: string,
  net: string,
  reboot: boolean,
): Promise<void> {
  const s = await openSession(inv);
  const file = s.snapshot.zones.get(zone);
  const value = file?.parsed.value;
  if (!value) {
    const onHost = (await s.host.listZones()).some((z) => z.name === zone);
    throw new ZoneNotRegisteredError(zone, onHost);
  }
  const n = value.nets.find((x) => x.name === net);
  if (!n) {
    throw new ZmgrError("zmgr::net::not_found", `zone ${zone} has no net named ${net}`, {
      help: `nets of ${zone}: ${value.nets.map((x) => x.name).join(", ") || "none"}`,
      details: { zone, net },
    });
  }
  if (s.registry.reservationState(value) === "creating") {
    throw new ZmgrError("zmgr::net::zone_not_ready", `zone ${zone} is still being created`, {
      help: "wait for the create to finish, or see `zmgr status`",
      details: { zone, net },
    });
  }
  const [status, info] = await Promise.all([s.host.zoneStatus(zone), s.host.zoneInfo(zone)]);
  const state = status?.state;
  if (state !== undefined && IN_KERNEL.has(state) && !reboot) {
    throw new ZmgrError(
      "zmgr::net::zone_running",
      `zone ${zone} is ${state}: a net is removed only from a configured or installed zone`,
      {
        help: `pass --reboot to halt it, remove the net and boot it again, or \`zmgr halt ${zone}\` first`,
        details: { zone, net, state },
      },
    );
  }
  const ipType = info?.ipType ?? (n.vnic ? "exclusive" : "shared");
  const plan = buildNetRemovePlan({
    zone,
    net: n,
    ipType,
    state,
    reboot,
    registry: s.registry,
    lockTimeoutMs: s.lockTimeoutMs,
  });

  if (inv.globals.dryRun) {
    renderNetDryRun(s.out, plan, { zone, net: n }, []);
    return;
  }
  const progress = createProgress(s.out);
  let result: Awaited<ReturnType<typeof runPlan>>;
  try {
    result = await runPlan(plan, { exec: s.exec, onEvent: (e) => progress.onEvent(e) });
  } finally {
    progress.stop();
  }
  if (s.out.json) s.out.printJson({ zone, net: n, ...planResultJson(result) });
  if (result.ok) {
    s.out.line(
      `${s.out.c.green("✔")} net ${net} removed from zone ${zone}; ${n.addresses.join(", ") || "no address"} free again`,
    );
    return;
  }
  renderFailures(s.out, result);
  const failed = result.steps.find((x) => x.status === "failed");
  throw new NetFailedError(
    "remove",
    zone,
    net,
    `${failed?.title ?? "net remove"} failed: ${failed?.error?.message ?? errorLine(result.error)}`,
    [],
  );
}

interface RemoveInput {
  zone: string;
  net: ZoneNet;
  ipType: "exclusive" | "shared";
  state: ZoneState | undefined;
  reboot: boolean;
  registry: Registry;
  lockTimeoutMs: number;
}

export function buildNetRemovePlan(p: RemoveInput): Plan {
  const { zone, net } = p;
  const physical = p.ipType === "exclusive" ? net.vnic : net.stub;
  const wasUp = p.state !== undefined && IN_KERNEL.has(p.state);
  const steps: PlanStep[] = [];
  if (p.reboot && wasUp) {
    steps.push({
      id: "halt",
      title: `halt zone ${zone}`,
      commands: [illumosCommands.halt(zone)],
      run: async (ctx) => {
        const h = new IllumosHost(ctx.exec);
        const now = (await h.zoneStatus(zone))?.state;
        if (now !== undefined && IN_KERNEL.has(now)) await h.halt(zone);
      },
    });
  }
  const shown = net.addresses.map((a) => ({ physical: physical ?? "", address: a }));
  if (physical && p.state !== undefined) {
    steps.push({
      id: "unconfigure",
      title: `remove net ${net.name} from the configuration of ${zone}`,
      commands: [zonecfgScriptCommand(zone, buildRemoveNetScript(p.ipType, shown))],
      run: async (ctx) => {
        const h = new IllumosHost(ctx.exec);
        const live = await resourcesOf(h, zone, p.ipType, physical, net.addresses);
        if (live.length > 0) await h.applyZonecfg(zone, buildRemoveNetScript(p.ipType, live));
      },
    });
  }
  if (p.ipType === "exclusive" && net.vnic) {
    const vnic = net.vnic;
    steps.push({
      id: `delete-vnic:${vnic}`,
      title: `delete VNIC ${vnic}`,
      commands: [illumosCommands.deleteVnic(vnic)],
      run: async (ctx) => {
        const h = new IllumosHost(ctx.exec);
        if (await h.showVnic(vnic)) await h.deleteVnic(vnic);
      },
    });
  }
  steps.push({
    id: "unrecord",
    title: `drop net ${net.name} from zones/${zone}.kdl (its addresses are free from now on)`,
    run: () =>
      editZoneNets(
        p.registry,
        zone,
        (nets) => nets.filter((x) => x.name !== net.name),
        p.lockTimeoutMs,
      ),
  });
  if (p.reboot && p.state === "running") {
    steps.push({
      id: "boot",
      title: `boot zone ${zone}`,
      commands: [illumosCommands.boot(zone)],
      run: (ctx) => new IllumosHost(ctx.exec).boot(zone),
    });
  }
  return { title: `remove net ${net.name} of zone ${zone}`, steps };
}

/** The live net resources of this net: on its physical, with one of its addresses (or any, when it has none). */
async function resourcesOf(
  h: IllumosHost,
  zone: string,
  ipType: "exclusive" | "shared",
  physical: string,
  addresses: string[],
): Promise<NetResource[]> {
  const info = await h.zoneInfo(zone);
  return (info?.nets ?? [])
    .map((r) => ({
      physical: r.physical ?? "",
      address: (ipType === "exclusive" ? r.allowedAddress : r.address) ?? "",
    }))
    .filter(
      (r) => r.physical === physical && (addresses.length === 0 || addresses.includes(r.address)),
    );
}
