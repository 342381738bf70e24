import { runPlan } from "@zmgr/illumos-exec";
import type { Zone } from "@zmgr/kdl-schema";
import type { Invocation } from "../../shared/kit.js";
import {
  createProgress,
  errorLine,
  planResultJson,
  renderFailures,
} from "../../shared/progress.js";
import { collectHostFacts, openSession, type Session, verboseNote } from "../../shared/session.js";
import { buildNetAddPlan } from "./add-plan.js";
import { type NetAddFacts, type NetAddRequest, proposeNetAdd } from "./add-proposal.js";
import { NetFailedError } from "./errors.js";
import { renderNetDryRun } from "./plan-common.js";

/**
 * `zmgr net add`: host facts (no lock) → under the lock: pre-flight, allocate, write the net
 * with `status "adding"` → the plan (VNIC, zonecfg, reboot) → the status dropped. A failure rolls
 * back from the live state.
 */
export async function runNetAdd(inv: Invocation, req: NetAddRequest): Promise<void> {
  const { deps } = inv.ctx;
  const s = await openSession(inv);
  const facts = await netAddFacts(s, req.zone);
  const planDeps = { registry: s.registry, lockTimeoutMs: s.lockTimeoutMs };

  if (inv.globals.dryRun) {
    const p = proposeNetAdd(s.snapshot, req, facts);
    renderNetDryRun(
      s.out,
      buildNetAddPlan(p, planDeps),
      { zone: p.zone, net: p.net, vnic: p.vnic, zonecfgScript: p.script, reboot: p.reboot },
      [
        netLine(p.net),
        "zonecfg script:",
        ...p.script
          .trimEnd()
          .split("\n")
          .map((l) => `  ${l}`),
      ],
    );
    return;
  }

  const txn = `${deps.pid}-${deps.now().getTime().toString(36)}`;
  const proposal = await s.registry.withLock(
    async (snap) => {
      const p = proposeNetAdd(snap, req, facts);
      const file = snap.zones.get(req.zone);
      const zone = file?.parsed.value as Zone;
      const status = { ...s.registry.netAddMark(), txn };
      await s.registry.put("zone", { ...zone, nets: [...zone.nets, { ...p.net, status }] }, file);
      return p;
    },
    { timeoutMs: s.lockTimeoutMs, onNote: (m) => s.out.note(m) },
  );

  const controller = new AbortController();
  const off = deps.onInterrupt?.(() => {
    s.out.note("interrupted: stopping after the running command, then rolling back");
    controller.abort();
  });
  const progress = createProgress(s.out);
  let result: Awaited<ReturnType<typeof runPlan>>;
  try {
    result = await runPlan(buildNetAddPlan(proposal, planDeps), {
      exec: s.exec,
      signal: controller.signal,
      onEvent: (e) => progress.onEvent(e),
    });
  } finally {
    progress.stop();
    off?.();
  }
  const rebooted = result.steps.some((x) => x.id === "reboot" && x.status === "done");
  const pending = result.ok && !rebooted && inKernel(proposal.state);
  const summary = {
    zone: req.zone,
    net: result.ok ? withoutStatus(proposal.net) : proposal.net,
    rebooted,
  };
  if (result.ok) {
    if (s.out.json)
      s.out.printJson({ ...summary, appliesAtNextBoot: pending, ...planResultJson(result) });
    else {
      s.out.line(`${s.out.c.green("✔")} net ${req.net} added to zone ${req.zone}`);
      s.out.line(`  ${netLine(proposal.net)}`);
      if (pending)
        s.out.line(
          `zonecfg changes apply at the next boot of ${req.zone}: run \`zmgr reboot ${req.zone}\`, or use --reboot next time`,
        );
      else if (!rebooted) s.out.line(`the net is used when ${req.zone} boots`);
    }
    return;
  }
  const failed = result.steps.find((x) => x.status === "failed");
  const reason = `${failed?.title ?? "net add"} failed: ${failed?.error?.message ?? errorLine(result.error)}`;
  const undoFailed = result.undo.some((u) => u.status === "undo-failed") || !result.recovered;
  const cleanup = undoFailed ? [`zmgr net remove ${req.zone} ${req.net}`] : [];
  if (s.out.json)
    s.out.printJson({
      ...summary,
      ...planResultJson(result),
      ...(cleanup.length ? { cleanup } : {}),
    });
  else {
    renderFailures(s.out, result);
    if (cleanup.length > 0) {
      s.out.line(`net ${req.net} is left half-added (status "adding"); clean up with:`);
      for (const l of cleanup) s.out.line(`  ${l}`);
    } else s.out.line("rolled back: host and registry are as they were before");
  }
  throw new NetFailedError("add", req.zone, req.net, reason, cleanup);
}

/** create's host facts plus the zone's state and configuration, gathered without the lock. */
async function netAddFacts(s: Session, zone: string): Promise<NetAddFacts> {
  const [facts, status, info] = await Promise.all([
    collectHostFacts(s.host, s.snapshot, verboseNote(s)),
    s.host.zoneStatus(zone),
    s.host.zoneInfo(zone),
  ]);
  return { ...facts, state: status?.state, info };
}

function netLine(n: { name: string; addresses: string[]; vnic?: string; stub?: string }): string {
  const link = n.vnic ? `VNIC ${n.vnic} over ${n.stub}` : `shared on ${n.stub}`;
  return `net ${n.name}: ${n.addresses.join(", ") || "no address"} on ${link}`;
}

const inKernel = (s: string) =>
  ["ready", "running", "shutting_down", "down", "mounted"].includes(s);

function withoutStatus<T extends { status?: unknown }>(n: T): T {
  const { status: _s, ...rest } = n;
  return rest as T;
}
