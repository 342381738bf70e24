import type { SourceLocation } from "./location.js";

export type Severity = "error" | "warning";

/**
 * One finding about the registry or the host: data, never thrown.
 * `path` names the value inside the file (e.g. `["pool", "gateway"]` or `["zone", "net:0", "address:1"]`)
 * so a location can be computed on demand by re-parsing that one file with locations.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  help: string;
  file?: string;
  path?: string[];
  location?: SourceLocation;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
