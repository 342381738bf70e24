import { countBySeverity, type Diagnostic, hasErrors } from "@zmgr/errors";
import { plural } from "./diagnostic.js";

/** `2 errors, 1 warning` */
export function summaryLine(diags: readonly Diagnostic[]): string {
  const c = countBySeverity(diags);
  return `${plural(c.error, "error")}, ${plural(c.warning, "warning")}`;
}

/** The exit rule of `zmgr validate` and every pre-flight: errors fail, warnings alone pass. */
export function validationExitCode(diags: readonly Diagnostic[]): 0 | 1 {
  return hasErrors(diags) ? 1 : 0;
}

/** Same rule as a boolean. */
export function passes(diags: readonly Diagnostic[]): boolean {
  return !hasErrors(diags);
}
