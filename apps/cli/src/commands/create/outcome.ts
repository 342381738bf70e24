import { ZmgrError } from "@zmgr/errors";
import type { PlanResult } from "@zmgr/illumos-exec";
import { errorLine, planResultJson, renderFailures } from "../../shared/progress.js";
import type { Session } from "../../shared/session.js";
import { readLive } from "../../shared/teardown.js";
import { formatArgv } from "../../shared/verbose-executor.js";
import { markFailed, rollbackHostSteps } from "./plan.js";
import type { CreateProposal } from "./proposal.js";

type Summary = Record<string, unknown>;

/** The one command that records a zone whose install succeeded but whose final write failed. */
export function finishCommand(zone: string): string {
  return `zmgr create ${zone} --finish`;
}

/**
 * The install succeeded, the final registry write did not (lock timeout, lost lock, full disk):
 * nothing is undone. Says what is on the host and the one command that finishes recording it.
 */
export async function reportUnrecorded(
  s: Session,
  p: CreateProposal,
  summary: Summary,
  result: PlanResult,
  err: unknown,
): Promise<never> {
  const name = p.zone.name;
  const finish = finishCommand(name);
  let onHost: string;
  try {
    const live = await readLive(
      s.host,
      name,
      p.vnics.map((v) => v.name),
    );
    onHost = `zone ${name} is ${live.state ?? "not listed"} on the host${live.vnics.length ? ` with VNICs ${live.vnics.join(", ")}` : ""}`;
  } catch (readErr) {
    onHost = `zone ${name} was installed on the host (its state cannot be read now: ${errorLine(readErr)})`;
  }
  if (s.out.json)
    s.out.printJson({ ...summary, ...planResultJson(result), recorded: false, finish });
  else {
    s.out.line(`${s.out.c.yellow("!")} ${onHost}, but recording it failed: ${errorLine(err)}`);
    s.out.line(
      `  zones/${name}.kdl keeps its addresses with its reservation status; nothing was undone. Finish with:`,
    );
    s.out.line(`  ${finish}`);
  }
  throw new ZmgrError("zmgr::create::unrecorded", `create ${name}: installed, not recorded`, {
    help: `run \`${finish}\` to record it (it checks the zone on the host, then drops the status)`,
    details: { zone: name, finish, cause: errorLine(err) },
    cause: err,
  });
}

/**
 * A failed plan: the report, and (without a full rollback) the zone marked failed and the exact
 * cleanup. A failing `markFailed` never hides the report: it is printed after it.
 */
export async function reportFailed(
  s: Session,
  p: CreateProposal,
  summary: Summary,
  result: PlanResult,
  opts: { rollback: boolean; interrupted: boolean },
): Promise<never> {
  const name = p.zone.name;
  const undoFailed = result.undo.some((u) => u.status === "undo-failed");
  const failedStep = result.steps.find((x) => x.status === "failed");
  const reason = `${failedStep?.title ?? "create"} failed: ${failedStep?.error?.message ?? errorLine(result.error)}`;
  let cleanup: string[] = [];
  let markError: string | undefined;
  if (!opts.rollback || undoFailed || !result.recovered) {
    try {
      await markFailed(s.registry, name, reason, s.lockTimeoutMs);
    } catch (err) {
      markError = errorLine(err);
    }
    cleanup = await cleanupCommands(s, p);
  }
  if (s.out.json)
    s.out.printJson({
      ...summary,
      ...planResultJson(result),
      ...(cleanup.length ? { status: "failed", cleanup } : {}),
      ...(markError ? { markFailedError: markError } : {}),
    });
  else {
    renderFailures(s.out, result);
    if (cleanup.length > 0) {
      s.out.line(
        `zone ${name} is left as ${s.out.c.red("failed")}; its addresses stay reserved. Clean up with:`,
      );
      for (const l of cleanup) s.out.line(`  ${l}`);
    } else s.out.line(`rolled back: host and registry are as they were before`);
    if (markError)
      s.out.line(
        `${s.out.c.red("could not mark")} zones/${name}.kdl failed: ${markError} (it keeps status creating; \`zmgr status\` shows it interrupted once this run ends)`,
      );
  }
  throw new CreateFailedError(name, reason, cleanup, opts.interrupted);
}

/** The exact commands that remove what is left of a failed create, from the live state. */
async function cleanupCommands(s: Session, p: CreateProposal): Promise<string[]> {
  const first = [`zmgr destroy ${p.zone.name} --yes`];
  try {
    const steps = await rollbackHostSteps(s.host, p);
    return [
      ...first,
      "# or by hand:",
      ...steps.flatMap((st) => (st.commands ?? []).map((c) => formatArgv([c.file, ...c.args]))),
      formatArgv(["rm", `${s.root}/zones/${p.zone.name}.kdl`]),
    ];
  } catch (err) {
    return [...first, `# (the host cannot be read now: ${errorLine(err)})`];
  }
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
