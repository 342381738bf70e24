import { ZmgrError } from "@zmgr/errors";
import { describePlan, runPlan } from "@zmgr/illumos-exec";
import type { CreateFlags } from "./commands/create.js";
import { buildCreatePlan, markFailed, rollbackHostSteps } from "./create-plan.js";
import {
  type CreateProposal,
  type CreateRequest,
  checkRequest,
  proposeZone,
} from "./create-proposal.js";
import { renderDryRun, renderNets } from "./create-render.js";
import type { Invocation } from "./kit.js";
import { createProgress, errorLine, planResultJson, renderFailures } from "./progress.js";
import { collectHostFacts, openSession, type Session } from "./session.js";
import { formatArgv } from "./verbose-executor.js";

/** `zmgr create`: lock → pre-flight → allocate → reserve → unlock → run the plan → report. */
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

  if (inv.globals.dryRun) {
    const facts = await collectHostFacts(s.host, s.snapshot);
    const proposal = proposeZone(s.snapshot, req, facts);
    renderDryRun(s.out, proposal, describePlan(buildCreatePlan(proposal, planDeps)));
    return;
  }

  const proposal = await s.registry.withLock(
    async (snap) => {
      const facts = await collectHostFacts(s.host, snap);
      const p = proposeZone(snap, req, facts);
      await s.registry.reserve(p.zone);
      return p;
    },
    { timeoutMs: s.lockTimeoutMs, onNote: (m) => s.out.note(m) },
  );

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
    if (s.out.json) s.out.printJson({ ...summary, ...planResultJson(result) });
    else {
      s.out.line(`${s.out.c.green("✔")} zone ${name} created`);
      renderNets(s.out, proposal);
    }
    return;
  }

  const undoFailed = result.undo.some((u) => u.status === "undo-failed");
  const failedStep = result.steps.find((x) => x.status === "failed");
  const reason = `${failedStep?.title ?? "create"} failed: ${failedStep?.error?.message ?? errorLine(result.error)}`;
  let cleanup: string[] = [];
  if (!flags.rollback || undoFailed || !result.recovered) {
    await markFailed(s.registry, name, reason, s.lockTimeoutMs);
    cleanup = await cleanupCommands(s, proposal);
  }
  if (s.out.json)
    s.out.printJson({
      ...summary,
      ...planResultJson(result),
      ...(cleanup.length ? { status: "failed", cleanup } : {}),
    });
  else {
    renderFailures(s.out, result);
    if (cleanup.length > 0) {
      s.out.line(
        `zone ${name} is left as ${s.out.c.red("failed")}; its addresses stay reserved. Clean up with:`,
      );
      for (const l of cleanup) s.out.line(`  ${l}`);
    } else s.out.line(`rolled back: host and registry are as they were before`);
  }
  throw new CreateFailedError(name, reason, cleanup, controller.signal.aborted);
}

/** The exact commands that remove what is left of a failed create, from the live state. */
async function cleanupCommands(s: Session, p: CreateProposal): Promise<string[]> {
  const steps = await rollbackHostSteps(s.host, p);
  return [
    `zmgr destroy ${p.zone.name} --yes`,
    "# or by hand:",
    ...steps.flatMap((st) => (st.commands ?? []).map((c) => formatArgv([c.file, ...c.args]))),
    formatArgv(["rm", `${s.root}/zones/${p.zone.name}.kdl`]),
  ];
}

export class CreateFailedError extends ZmgrError {
  constructor(zone: string, reason: string, cleanup: string[], interrupted: boolean) {
    super(
      interrupted ? "zmgr::create::interrupted" : "zmgr::create::failed",
      `create ${zone}: ${reason}`,
      {
        help:
          cleanup.length > 0
            ? `clean up with \`zmgr destroy ${zone} --yes\` (commands above)`
            : "fix the cause shown above and run create again; nothing was left behind",
        details: { zone, ...(cleanup.length ? { cleanup } : {}) },
      },
    );
  }
}
