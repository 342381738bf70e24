import {
  type Plan,
  PlanAbortedError,
  type PlanEvent,
  type PlanResult,
  type PlanStep,
  type StepContext,
  type StepReport,
  stepErrorOf,
} from "./plan.js";
import type { Executor } from "./types.js";

export interface RunPlanOptions {
  exec: Executor;
  /** Interrupt: stops before the next step (the running one gets the signal), then recovers. */
  signal?: AbortSignal;
  /** Given to the undo steps (which must run even though `signal` is aborted); e.g. a second Ctrl-C. */
  undoSignal?: AbortSignal;
  onEvent?: (event: PlanEvent) => void;
}

const report = (step: PlanStep, status: StepReport["status"], error?: unknown): StepReport => ({
  id: step.id,
  title: step.title,
  status,
  ...(error === undefined ? {} : { error: stepErrorOf(error) }),
});

/**
 * Runs a plan: steps in order with progress events; at the first failure (or an abort between
 * steps) the rest is skipped and `plan.recover` is asked for undo steps, which all run even if
 * one fails. Never throws for a step's failure: the result says what happened.
 */
export async function runPlan(plan: Plan, options: RunPlanOptions): Promise<PlanResult> {
  const emit = options.onEvent ?? (() => {});
  const signal = options.signal ?? new AbortController().signal;
  const ctx: StepContext = { exec: options.exec, signal };
  const steps: StepReport[] = [];
  let failure: { step: PlanStep; error: unknown } | undefined;

  for (const step of plan.steps) {
    if (failure) {
      steps.push(report(step, "skipped"));
      continue;
    }
    if (signal.aborted) {
      failure = { step, error: new PlanAbortedError(plan.title, step.title) };
      steps.push(report(step, "skipped"));
      continue;
    }
    emit({ type: "step-start", step });
    try {
      await step.run(ctx);
      steps.push(report(step, "done"));
      emit({ type: "step-done", step });
    } catch (error) {
      failure = { step, error };
      steps.push(report(step, "failed", error));
      emit({ type: "step-failed", step, error });
    }
  }
  const last = plan.steps[plan.steps.length - 1];
  if (!failure && plan.abortAfterLast && signal.aborted && last) {
    failure = { step: last, error: new PlanAbortedError(plan.title, "the end of the plan") };
  }
  if (!failure) return { ok: true, steps, undo: [], recovered: false };
  if (!plan.recover) return { ok: false, steps, undo: [], recovered: false, error: failure.error };

  emit({ type: "recover-start" });
  const undoCtx: StepContext = {
    exec: options.exec,
    signal: options.undoSignal ?? new AbortController().signal,
  };
  const undo: StepReport[] = [];
  let undoSteps: PlanStep[] = [];
  try {
    undoSteps = await plan.recover(failure, undoCtx);
  } catch (error) {
    const step: PlanStep = { id: "recover", title: "work out what to undo", run: async () => {} };
    undo.push(report(step, "undo-failed", error));
    emit({ type: "undo-failed", step, error });
  }
  const undoneIds = new Set<string>();
  for (const step of undoSteps) {
    emit({ type: "undo-start", step });
    try {
      await step.run(undoCtx);
      undo.push(report(step, "undone"));
      for (const id of step.undoes ?? []) undoneIds.add(id);
      emit({ type: "undo-done", step });
    } catch (error) {
      undo.push(report(step, "undo-failed", error));
      emit({ type: "undo-failed", step, error });
    }
  }
  const recovered = undo.every((u) => u.status === "undone");
  // only what an undo step that ran says it undid: a recovery with no steps undid nothing
  for (const s of steps) {
    if (s.status === "done" && undoneIds.has(s.id)) s.status = "undone";
  }
  return { ok: false, steps, undo, recovered, error: failure.error };
}
