import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Diagnostic,
  formatLocation,
  isZmgrError,
  type SourceLocation,
  ZmgrError,
} from "@zmgr/errors";
import type { Colors } from "./output.js";

/** Bad command line: exit 2. */
export class UsageError extends ZmgrError {
  readonly exitCode = 2;
  constructor(message: string, help: string, details?: Record<string, unknown>) {
    super("zmgr::cli::usage", message, { help, ...(details ? { details } : {}) });
  }
}

/** A command failed after it printed its own report (the plan result): exit 1, nothing more to say. */
export class ReportedFailure extends Error {
  constructor(readonly exitCode = 1) {
    super("reported");
  }
}

export function exitCodeOf(err: unknown): number {
  if (err instanceof ReportedFailure) return err.exitCode;
  if (err instanceof UsageError) return 2;
  return 1;
}

/** `{"error": …}` for stderr under --json. */
export function errorJson(err: unknown): { error: Record<string, unknown> } {
  if (isZmgrError(err)) return { error: { ...err.toJSON() } };
  const message = err instanceof Error ? err.message : String(err);
  return {
    error: {
      code: "zmgr::internal",
      message,
      help: "this is a bug in zmgr: run again with --verbose and report the stack trace",
    },
  };
}

/**
 * Human form: `error[code]: message`, the failed command's exit code and stderr, a source
 * excerpt with a caret, and the help line. Stack traces only for unexpected errors and --verbose.
 */
export function renderError(
  err: unknown,
  opts: { c: Colors; verbose: boolean; registryRoot?: string },
): string {
  const { c } = opts;
  if (!isZmgrError(err)) {
    const message = err instanceof Error ? err.message : String(err);
    const lines = [`${c.red(c.bold("error"))}: ${message}`];
    if (opts.verbose && err instanceof Error && err.stack) lines.push(c.dim(err.stack));
    else
      lines.push(`  ${c.cyan("help")}: unexpected error; run again with --verbose for the stack`);
    return `${lines.join("\n")}\n`;
  }
  const lines = [`${c.red(c.bold(`error[${err.code}]`))}: ${err.message}`];
  const d = err.details;
  if (Array.isArray(d.argv)) lines.push(`  command: ${(d.argv as string[]).join(" ")}`);
  if (typeof d.exitCode === "number" && Array.isArray(d.argv))
    lines.push(`  exit code: ${d.exitCode}`);
  if (typeof d.stderr === "string" && d.stderr.trim() !== "")
    lines.push(
      ...d.stderr
        .trimEnd()
        .split("\n")
        .map((l) => `  ${c.dim("│")} ${l}`),
    );
  const diags = Array.isArray(d.diagnostics) ? (d.diagnostics as Diagnostic[]) : [];
  if (diags.length > 1) {
    for (const x of diags) {
      const where = x.location ? ` (${formatLocation(x.location)})` : x.file ? ` (${x.file})` : "";
      lines.push(
        `  ${x.severity === "error" ? c.red("✖") : c.yellow("!")} ${x.message}${where} [${x.code}]`,
      );
      lines.push(`      ${c.cyan("help")}: ${x.help}`);
    }
  } else if (err.location) lines.push(...excerpt(err.location, opts.registryRoot, c));
  if (err.help && diags.length <= 1) lines.push(`  ${c.cyan("help")}: ${err.help}`);
  if (opts.verbose && err.cause instanceof Error && err.cause.stack)
    lines.push(c.dim(err.cause.stack));
  return `${lines.join("\n")}\n`;
}

/** `--> file:line:col` and the line with a caret run under the span. */
export function excerpt(loc: SourceLocation, root: string | undefined, c: Colors): string[] {
  const out = [`  ${c.blue("-->")} ${formatLocation(loc)}`];
  if (root === undefined) return out;
  let text: string;
  try {
    text = readFileSync(join(root, loc.file), "utf8");
  } catch {
    return out;
  }
  const line = text.split("\n")[loc.line - 1];
  if (line === undefined) return out;
  const gutter = String(loc.line);
  const pad = " ".repeat(gutter.length);
  out.push(`   ${pad} ${c.blue("|")}`);
  out.push(`   ${c.blue(gutter)} ${c.blue("|")} ${line}`);
  const caret = "^".repeat(Math.max(1, loc.length ?? 1));
  out.push(`   ${pad} ${c.blue("|")} ${" ".repeat(Math.max(0, loc.column - 1))}${c.red(caret)}`);
  return out;
}
