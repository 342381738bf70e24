import { describePlan, runPlan } from "@zmgr/illumos-exec";
import { printDocument } from "@zmgr/kdl-schema";
import { buildLedger, requireReadableLedger } from "@zmgr/validate";
import type { Invocation } from "../../shared/kit.js";
import { createProgress, planResultJson } from "../../shared/progress.js";
import { collectHostFacts, openSession, verboseNote } from "../../shared/session.js";
import { reportFailed, reportUnrecorded } from "./outcome.js";
import { buildCreatePlan, recordCreated } from "./plan.js";
import { type CreateRequest, checkRequest, proposeZone } from "./proposal.js";
import type { CreateFlags } from "./register.js";
import { renderDryRun, renderNets } from "./render.js";
import { reserveUnderLock } from "./reserve.js";

/**
 * `zmgr create`: host facts → lock → pre-flight → allocate → reserve → unlock → run the plan →
 * record (clear the reservation, after the plan: its failure never undoes the install) → report.
 */
export async function runCreate(inv: Invocation, name: string, flags: CreateFlags): Promise<void> {
  const { deps } = inv.ctx;
  const req: CreateRequest = {
    name,
    ...(flags.template !== undefined ? { template: flags.template } : {}),
    ips: flags.ip,
    vnics: flags.vnic,
    noBoot: !flags.boot,
    ...(flags.clone !== undefined ? { clone: flags.clone } : {}),
    today: deps.now().toISOString().slice(0, 10),
  };
  checkRequest(req);
  const s = await openSession(inv);
  const planDeps = {
    registry: s.registry,
    lockTimeoutMs: s.lockTimeoutMs,
    rollback: flags.rollback,
  };

  // fail closed before any host command: an unreadable zone document hides used addresses
  requireReadableLedger(s.snapshot, buildLedger(s.snapshot), `create zone ${name}`);
  // SPEC §3.1: host facts first, without the lock; under the lock only registry I/O
  const facts = await collectHostFacts(s.host, s.snapshot, verboseNote(s));
  // pre-flight on the unlocked snapshot first: a refusal costs no lock wait, and the code the
  // locked section runs is warm (it runs again there, on the snapshot read under the lock)
  const early = proposeZone(s.snapshot, req, facts);
  if (inv.globals.dryRun) {
    renderDryRun(s.out, early, describePlan(buildCreatePlan(early, planDeps)));
    return;
  }
  printDocument("zone", early.zone);
  const proposal = await reserveUnderLock(s, req, facts);
  const controller = new AbortController();
  const unsubscribe = deps.onInterrupt?.(() => {
    s.out.note(
      "interrupted: stopping after the running command, then rolling back (Ctrl-C again to exit at once)",
    );
    controller.abort();
  });
  const progress = createProgress(s.out);
  let result: Awaited<ReturnType<typeof runPlan>>;
  try {
    result = await runPlan(buildCreatePlan(proposal, planDeps), {
      exec: s.exec,
      signal: controller.signal,
      onEvent: (e) => progress.onEvent(e),
    });
  } finally {
    progress.stop();
    unsubscribe?.();
  }

  const summary = {
    zone: name,
    template: proposal.zone.template,
    zonepath: proposal.zonepath,
    nets: proposal.zone.nets,
  };
  if (result.ok) {
    try {
      await recordCreated(s.registry, name, s.lockTimeoutMs);
    } catch (err) {
      return reportUnrecorded(s, proposal, summary, result, err);
    }
    if (s.out.json) s.out.printJson({ ...summary, ...planResultJson(result) });
    else {
      s.out.line(`${s.out.c.green("✔")} zone ${name} created`);
      renderNets(s.out, proposal);
    }
    return;
  }
  return reportFailed(s, proposal, summary, result, {
    rollback: flags.rollback,
    interrupted: controller.signal.aborted,
  });
}
