import { ZmgrError } from "@zmgr/errors";
import { argvOf, failureOf } from "./errors.js";
import type { Command, Executor } from "./types.js";

export interface StepContext {
  exec: Executor;
  /** Aborted on interrupt: a running step should pass it to its commands. */
  signal: AbortSignal;
}

export interface PlanStep {
  id: string;
  title: string;
  /** The system commands the step runs, for dry-run output (`describePlan`). */
  commands?: Command[];
  run(ctx: StepContext): Promise<void>;
  /** Undo steps only: ids of the plan steps this one reverses (marked "undone" when it succeeds). */
  undoes?: string[];
}

export interface PlanFailure {
  step: PlanStep;
  error: unknown;
}

export interface Plan {
  title: string;
  steps: PlanStep[];
  /**
   * An interrupt during the last step still stops the plan (as one before a step does), so
   * recovery runs: for plans whose result is not wanted once interrupted (create).
   */
  abortAfterLast?: boolean;
  /** Recovery computed at failure time (e.g. rollback from live state): the undo steps to run. */
  recover?(failure: PlanFailure, ctx: StepContext): Promise<PlanStep[]>;
}

export type PlanEvent =
  | { type: "step-start" | "step-done"; step: PlanStep }
  | { type: "step-failed"; step: PlanStep; error: unknown }
  | { type: "recover-start" }
  | { type: "undo-start" | "undo-done"; step: PlanStep }
  | { type: "undo-failed"; step: PlanStep; error: unknown };

export interface StepError {
  message: string;
  code?: string;
  stderr?: string;
}

export interface StepReport {
  id: string;
  title: string;
  status: "done" | "failed" | "skipped" | "undone" | "undo-failed";
  error?: StepError;
}

export interface PlanResult {
  ok: boolean;
  steps: StepReport[];
  /** Undo steps run by the recovery: "undone" or "undo-failed". */
  undo: StepReport[];
  /** True when a recovery ran and every undo step succeeded. */
  recovered: boolean;
  /** The failure (or PlanAbortedError) that stopped the plan. */
  error?: unknown;
}

/** The plan was interrupted between two steps. */
export class PlanAbortedError extends ZmgrError {
  readonly plan: string;
  /** The step that was not started. */
  readonly before: string;
  constructor(plan: string, before: string) {
    super("zmgr::plan::aborted", `${plan}: interrupted before "${before}"`, {
      help: "the steps already done were rolled back where possible; run the command again when ready",
      details: { plan, before },
    });
    this.plan = plan;
    this.before = before;
  }
}

/** message, code and stderr of a thrown value, for reports and JSON. */
export function stepErrorOf(error: unknown): StepError {
  if (!(error instanceof Error)) return { message: String(error) };
  const extra = error as Error & { code?: unknown; stderr?: unknown };
  return {
    message: error.message,
    ...(typeof extra.code === "string" ? { code: extra.code } : {}),
    ...(typeof extra.stderr === "string" && extra.stderr !== "" ? { stderr: extra.stderr } : {}),
  };
}

/** A step that runs `commands` in order and fails on the first non-zero exit. */
export function commandStep(id: string, title: string, commands: Command[]): PlanStep {
  return {
    id,
    title,
    commands,
    async run(ctx) {
      for (const command of commands) {
        const result = await ctx.exec.run(command, { signal: ctx.signal });
        if (result.exitCode !== 0) throw failureOf(command, result);
      }
    },
  };
}

export interface PlanDescription {
  title: string;
  steps: { id: string; title: string; commands: string[][] }[];
}

/** The plan as data for `--dry-run` / `--json`: each step with the exact argv of its commands. */
export function describePlan(plan: Plan): PlanDescription {
  return {
    title: plan.title,
    steps: plan.steps.map((s) => ({
      id: s.id,
      title: s.title,
      commands: (s.commands ?? []).map(argvOf),
    })),
  };
}
