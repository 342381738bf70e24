import { ZmgrError } from "@zmgr/errors";
import { describePlan, runPlan } from "@zmgr/illumos-exec";
import { UsageError } from "../../shared/errors.js";
import type { Invocation } from "../../shared/kit.js";
import { createProgress, planResultJson, renderFailures } from "../../shared/progress.js";
import { openSession } from "../../shared/session.js";
import { formatArgv } from "../../shared/verbose-executor.js";
import { ZoneBusyError, ZoneNotRegisteredError } from "../create/errors.js";
import { buildDestroyPlan } from "./plan.js";

export async function runDestroy(
  inv: Invocation,
  name: string,
  opts: { force?: boolean } = {},
): Promise<void> {
  const s = await openSession(inv);
  const { deps } = inv.ctx;
  const zone = s.snapshot.zones.get(name)?.parsed.value;
  if (!zone) {
    const onHost = (await s.host.listZones()).some((z) => z.name === name);
    throw new ZoneNotRegisteredError(name, onHost);
  }
  if (s.registry.reservationState(zone) === "creating") {
    // a create running on this machine is always refused; one from another machine cannot be
    // seen from here, so only --force (after the confirmation below) settles it
    const by = s.registry.reservedElsewhere(zone);
    if (by === undefined || !opts.force) {
      throw new ZoneBusyError(name, zone.status?.pid, zone.status?.host, by !== undefined);
    }
    s.out.note(
      `settling the reservation of ${name} made by ${by} (pid ${zone.status?.pid ?? "?"})`,
    );
  }
  const plan = await buildDestroyPlan(s.host, s.registry, zone, s.lockTimeoutMs);

  if (inv.globals.dryRun) {
    const described = describePlan(plan);
    if (s.out.json) s.out.printJson({ dryRun: true, zone: name, plan: described });
    else {
      s.out.line(`${s.out.c.bold("dry run")}: ${described.title}; nothing was changed`);
      described.steps.forEach((st, i) => {
        s.out.line(`  ${i + 1}. ${st.title}`);
        for (const argv of st.commands) s.out.line(`     ${s.out.c.dim("$")} ${formatArgv(argv)}`);
      });
    }
    return;
  }

  if (!inv.globals.yes) {
    if (!deps.stdinIsTTY || !deps.prompt) {
      throw new UsageError(
        `refusing to destroy zone ${name} without confirmation`,
        `run it on a terminal to confirm by typing the name, or pass --yes`,
        { zone: name },
      );
    }
    const answer = await deps.prompt(`Destroy zone ${name}? Type its name to confirm: `);
    if (answer.trim() !== name) {
      throw new ZmgrError(
        "zmgr::destroy::not_confirmed",
        `not confirmed: zone ${name} was left alone`,
        {
          help: "type the zone name exactly, or pass --yes",
          details: { zone: name },
        },
      );
    }
  }

  const controller = new AbortController();
  const unsubscribe = deps.onInterrupt?.(() => {
    s.out.note("interrupted: stopping after the running command; run destroy again to finish");
    controller.abort();
  });
  const progress = createProgress(s.out);
  let result: Awaited<ReturnType<typeof runPlan>>;
  try {
    result = await runPlan(plan, {
      exec: s.exec,
      signal: controller.signal,
      onEvent: (e) => progress.onEvent(e),
    });
  } finally {
    progress.stop();
    unsubscribe?.();
  }
  if (s.out.json) s.out.printJson({ zone: name, ...planResultJson(result) });
  if (result.ok) {
    s.out.line(`${s.out.c.green("✔")} zone ${name} destroyed`);
    return;
  }
  renderFailures(s.out, result);
  throw new ZmgrError(
    controller.signal.aborted ? "zmgr::destroy::interrupted" : "zmgr::destroy::failed",
    `destroy ${name} did not finish`,
    {
      help: `every step is safe to repeat: run \`zmgr destroy ${name} --yes\` again to finish`,
      details: { zone: name },
    },
  );
}
