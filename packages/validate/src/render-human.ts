import { codeFrameColumns } from "@babel/code-frame";
import { type Diagnostic, formatLocation } from "@zmgr/errors";
import type { Snapshot } from "@zmgr/registry";
import { createColors } from "picocolors";
import { filesByPath, withLocations } from "./locations.js";
import { summaryLine } from "./summary.js";

export interface RenderOptions {
  /** ANSI colours (picocolors); off unless asked. */
  color: boolean;
}

/** Diagnostics without a file (host findings, missing config) are grouped under this heading. */
export const NO_FILE_GROUP = "(registry and host)";

function byFile(diags: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  const keys = [...new Set(diags.map((d) => d.file ?? NO_FILE_GROUP))].sort((a, b) =>
    a === NO_FILE_GROUP ? 1 : b === NO_FILE_GROUP ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  for (const k of keys) groups.set(k, []);
  for (const d of diags) groups.get(d.file ?? NO_FILE_GROUP)!.push(d);
  for (const list of groups.values()) {
    list.sort(
      (a, b) =>
        (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
        (a.location?.column ?? 0) - (b.location?.column ?? 0),
    );
  }
  return groups;
}

/**
 * The human report of `zmgr validate`: diagnostics grouped by file, each with its code, message,
 * `file:line:column`, a source excerpt with a caret, and the help line; then the summary line.
 * Locations missing from the diagnostics are filled here (see `withLocations`).
 */
export function renderHuman(
  diags: readonly Diagnostic[],
  snapshot: Snapshot,
  opts: RenderOptions = { color: false },
): string {
  const c = createColors(opts.color);
  const located = withLocations(snapshot, [...diags]);
  const files = filesByPath(snapshot);
  const lines: string[] = [];
  for (const [file, list] of byFile(located)) {
    lines.push(c.bold(c.underline(file)));
    for (const d of list) {
      const label =
        d.severity === "error" ? c.red(`error[${d.code}]`) : c.yellow(`warning[${d.code}]`);
      lines.push(`${c.bold(label)}: ${d.message}`);
      if (d.location) {
        lines.push(`  ${c.cyan("-->")} ${formatLocation(d.location)}`);
        const text = files.get(d.location.file)?.parsed.text;
        if (text !== undefined) lines.push(indent(frame(text, d, opts.color)));
      } else if (d.file !== undefined) {
        lines.push(`  ${c.cyan("-->")} ${d.file}`);
      }
      lines.push(`  ${c.green("help")}: ${d.help}`);
    }
    lines.push("");
  }
  const summary = summaryLine(located);
  lines.push(located.some((d) => d.severity === "error") ? c.red(summary) : c.green(summary));
  return `${lines.join("\n")}\n`;
}

function frame(text: string, d: Diagnostic, color: boolean): string {
  const loc = d.location!;
  const start = { line: loc.line, column: loc.column };
  const end =
    loc.length !== undefined && loc.length > 1
      ? { line: loc.line, column: loc.column + loc.length }
      : undefined;
  return codeFrameColumns(text, end ? { start, end } : { start }, {
    highlightCode: color,
    forceColor: color,
    linesAbove: 1,
    linesBelow: 1,
  });
}

function indent(block: string): string {
  return block
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
}
