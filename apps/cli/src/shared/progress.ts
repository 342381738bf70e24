import type { PlanEvent, PlanResult, StepReport } from "@zmgr/illumos-exec";
import type { Output } from "./output.js";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export interface Progress {
  onEvent(e: PlanEvent): void;
  stop(): void;
}

/**
 * Step-by-step progress of a plan, written once for create, destroy and import: a spinner and
 * ✔/✖ per step on a terminal, one plain line per step otherwise, nothing under --json/--quiet.
 */
export function createProgress(out: Output): Progress {
  const { deps, opts, c } = out;
  if (opts.json || opts.quiet) return { onEvent() {}, stop() {} };
  const write = (s: string) => deps.stdout(s);
  let timer: ReturnType<typeof setInterval> | undefined;
  let frame = 0;
  const stopSpinner = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    if (deps.isTTY) write("\r\x1b[2K");
  };
  const spin = (title: string) => {
    if (!deps.isTTY) return;
    stopSpinner();
    const draw = () => write(`\r\x1b[2K${c.cyan(FRAMES[frame++ % FRAMES.length] ?? "")} ${title}`);
    draw();
    timer = setInterval(draw, 80);
    timer.unref?.();
  };
  const done = (mark: string, title: string, extra = "") => {
    stopSpinner();
    write(`${mark} ${title}${extra}\n`);
  };
  return {
    onEvent(e) {
      switch (e.type) {
        case "step-start":
          spin(e.step.title);
          break;
        case "step-done":
          done(c.green("✔"), e.step.title);
          break;
        case "step-failed":
          done(c.red("✖"), e.step.title, c.red(` — ${errorLine(e.error)}`));
          break;
        case "recover-start":
          stopSpinner();
          write(`${c.yellow("↺")} rolling back\n`);
          break;
        case "undo-start":
          spin(e.step.title);
          break;
        case "undo-done":
          done(c.green("✔"), e.step.title, c.dim(" (undo)"));
          break;
        case "undo-failed":
          done(c.red("✖"), e.step.title, c.red(` (undo) — ${errorLine(e.error)}`));
          break;
      }
    },
    stop: stopSpinner,
  };
}

export function errorLine(err: unknown): string {
  if (err instanceof Error) return err.message.split("\n")[0] ?? "";
  return String(err);
}

/** The machine form of a run: steps done/failed, undo steps, and whether it recovered. */
export function planResultJson(result: PlanResult): {
  ok: boolean;
  recovered: boolean;
  steps: StepReport[];
  undo: StepReport[];
} {
  return { ok: result.ok, recovered: result.recovered, steps: result.steps, undo: result.undo };
}

/** After a failed run: each failed step's command output, indented. */
export function renderFailures(out: Output, result: PlanResult): void {
  for (const s of [...result.steps, ...result.undo]) {
    if (s.status !== "failed" && s.status !== "undo-failed") continue;
    const what = s.status === "failed" ? "failed" : "undo failed";
    out.line(`${out.c.red(what)}: ${s.title}${s.error?.code ? ` [${s.error.code}]` : ""}`);
    if (s.error?.message) out.line(`  ${s.error.message}`);
    for (const l of (s.error?.stderr ?? "")
      .trimEnd()
      .split("\n")
      .filter((x) => x !== "")) {
      out.line(`  ${out.c.dim("│")} ${l}`);
    }
  }
}
