import type { ImportNetReport, ImportReport, ImportReportEntry } from "./types.js";

export interface RenderOptions {
  color: boolean;
  /** How the user runs the import, for help lines: `zmgr import` (default) or `zmgr-import`. */
  command?: string;
}

type Paint = (s: string) => string;

function palette(color: boolean): Record<"green" | "red" | "yellow" | "dim" | "bold", Paint> {
  const wrap =
    (open: number, close: number): Paint =>
    (s) =>
      color ? `\u001b[${open}m${s}\u001b[${close}m` : s;
  return {
    green: wrap(32, 39),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}

/** Human report of `importHost`, shared by `zmgr import` and `zmgr-import`. Ends with a newline. */
export function renderImportReport(report: ImportReport, opts: RenderOptions): string {
  const p = palette(opts.color);
  const command = opts.command ?? "zmgr import";
  const lines: string[] = report.warnings.map((w) => `${p.yellow("!")} ${w}`);
  if (report.entries.length === 0) {
    lines.push(...renderCandidates(report.candidates, command, p));
    return `${lines.join("\n")}\n`;
  }
  const registered = report.entries.filter(
    (e) => e.code === "zmgr::import::registered" && e.outcome === "skipped",
  );
  for (const entry of report.entries) {
    if (!registered.includes(entry)) lines.push(...renderEntry(entry, report.dryRun, p));
  }
  if (registered.length > 0) {
    lines.push(`${p.dim("-")} already registered: ${registered.map((e) => e.zone).join(", ")}`);
  }
  lines.push("", summary(report, registered.length));
  return `${lines.join("\n")}\n`;
}

function renderCandidates(
  candidates: string[],
  command: string,
  p: ReturnType<typeof palette>,
): string[] {
  if (candidates.length === 0) {
    return [
      "Nothing to import: every zone on this host is registered, global, or a bhyve/kvm zone.",
    ];
  }
  return [
    `Zones on this host that can be imported (${candidates.length}):`,
    ...candidates.map((c) => `  ${c}`),
    p.dim(
      `help: name them (\`${command} ${candidates[0]}\`) or import them all with \`${command} --all\``,
    ),
  ];
}

function renderEntry(
  entry: ImportReportEntry,
  dryRun: boolean,
  p: ReturnType<typeof palette>,
): string[] {
  const lines: string[] = [];
  switch (entry.outcome) {
    case "imported":
      lines.push(`${p.green("✔")} ${p.bold(entry.zone)} imported, template ${entry.template}`);
      break;
    case "would-import":
      lines.push(
        `${p.green("+")} ${p.bold(entry.zone)} would be imported, template ${entry.template}`,
      );
      break;
    case "failed":
      lines.push(`${p.red("✖")} ${p.bold(entry.zone)} failed: ${entry.reason}`);
      break;
    default:
      lines.push(`${p.yellow("-")} ${p.bold(entry.zone)} skipped: ${entry.reason}`);
  }
  if (entry.outcome !== "skipped" || entry.code === "zmgr::import::address_in_use") {
    lines.push(...(entry.nets ?? []).map((n) => `    ${describeNet(n)}`));
  }
  lines.push(...entry.warnings.map((w) => `    ${p.yellow("!")} ${w}`));
  if (entry.help) lines.push(`    ${p.dim(`help: ${entry.help}`)}`);
  if (dryRun && entry.file && entry.text !== undefined) {
    lines.push(
      `    ${p.dim(`${entry.file}:`)}`,
      ...entry.text
        .trimEnd()
        .split("\n")
        .map((l) => `      ${l}`),
    );
  }
  return lines;
}

export function describeNet(net: ImportNetReport): string {
  const parts = [
    `net ${net.name}:`,
    net.addresses.length > 0 ? net.addresses.join(" ") : "(no address)",
  ];
  if (net.pools.length > 0) parts.push(`pool ${net.pools.join(" ")}`);
  if (net.gateways.length > 0) parts.push(`gateway ${net.gateways.join(" ")}`);
  if (net.vnic) parts.push(`vnic ${net.vnic}`);
  if (net.stub) parts.push(`${net.vnic ? "over" : "stub"} ${net.stub}`);
  return parts.join(", ").replace(":,", ":");
}

function summary(report: ImportReport, registered: number): string {
  const count = (n: number, what: string) => `${n} zone${n === 1 ? "" : "s"} ${what}`;
  const skipped = report.entries.filter((e) => e.outcome === "skipped").length - registered;
  const parts: string[] = [];
  if (report.dryRun) {
    const would = report.entries.filter((e) => e.outcome === "would-import").length;
    parts.push(`Dry run: ${count(would, "would be imported")}, nothing written`);
  } else if (report.imported === 0 && report.failed === 0) {
    parts.push("Nothing imported");
  } else {
    parts.push(`${count(report.imported, "imported")}`);
  }
  if (report.failed > 0) parts.push(`${report.failed} failed`);
  if (report.interrupted) parts.push("interrupted");
  if (skipped > 0) parts.push(`${skipped} skipped`);
  if (registered > 0) parts.push(`${registered} already registered`);
  return `${parts.join("; ")}.`;
}
