import { createColors } from "picocolors";
import type { CliDeps, GlobalOptions } from "../deps.js";

export type Colors = ReturnType<typeof createColors>;

/** Colour on only for a terminal, without NO_COLOR and without --no-color. */
export function colorEnabled(deps: CliDeps, opts: Pick<GlobalOptions, "color" | "json">): boolean {
  const noColor = deps.env.NO_COLOR !== undefined && deps.env.NO_COLOR !== "";
  return deps.isTTY && opts.color && !opts.json && !noColor;
}

/** The one place commands write through: lines, tables, JSON. */
export class Output {
  readonly c: Colors;
  constructor(
    readonly deps: CliDeps,
    readonly opts: GlobalOptions,
  ) {
    this.c = createColors(colorEnabled(deps, opts));
  }

  get json(): boolean {
    return this.opts.json;
  }

  /** A line on stdout (suppressed under --json, which prints only the document). */
  line(text = ""): void {
    if (!this.opts.json) this.deps.stdout(`${text}\n`);
  }

  /** A note on stderr (suppressed by --quiet and --json). */
  note(text: string): void {
    if (!this.opts.quiet && !this.opts.json) this.deps.stderr(`${text}\n`);
  }

  warn(text: string): void {
    if (!this.opts.json) this.deps.stderr(`${this.c.yellow("warning")}: ${text}\n`);
  }

  /** The JSON document of this command (stdout holds nothing else under --json). */
  printJson(value: unknown): void {
    this.deps.stdout(`${JSON.stringify(value, jsonReplacer, 2)}\n`);
  }

  /** A table sized to its content; `header: false` (list -H) sizes with the header but drops it. */
  table(headers: string[], rows: string[][], opts: { header?: boolean } = {}): void {
    if (this.opts.json) return;
    const lines = formatTable(headers, rows, (h) => this.c.bold(h));
    for (const l of opts.header === false ? lines.slice(1) : lines) this.deps.stdout(`${l}\n`);
  }
}

/** bigint (pool sizes) as decimal strings, always: one JSON type per field (as @zmgr/ipam's toJSON). */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Map) return Object.fromEntries(value);
  return value;
}

/** Columns sized to their content, two spaces apart, last column not padded. */
export function formatTable(
  headers: string[],
  rows: string[][],
  styleHeader: (h: string) => string = (h) => h,
): string[] {
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => displayWidth(r[i] ?? ""))),
  );
  const fmt = (cells: string[], style: (s: string) => string = (s) => s) =>
    cells
      .map((cell, i) => {
        const last = i === cells.length - 1;
        const pad = last ? "" : " ".repeat((widths[i] ?? 0) - displayWidth(cell));
        return style(cell) + pad;
      })
      .join("  ")
      .trimEnd();
  return [fmt(headers, styleHeader), ...rows.map((r) => fmt(r))];
}

function displayWidth(s: string): number {
  return [...s.replace(/\x1b\[[0-9;]*m/g, "")].length;
}
