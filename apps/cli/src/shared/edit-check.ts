import { type Diagnostic, ZmgrError } from "@zmgr/errors";
import type { Snapshot } from "@zmgr/registry";
import { applyEdits, type Edit, validateEdits, withLocations } from "@zmgr/validate";

/**
 * The pre-flight of a registry edit through validate's rules (SPEC §3.4): refuses with the first
 * error the edits would introduce (all of them in `details.diagnostics`); warnings pass.
 */
export function refuseBadEdits(snapshot: Snapshot, edits: Edit[], what: string): void {
  const errors = validateEdits(snapshot, edits).filter((d) => d.severity === "error");
  if (errors.length === 0) return;
  const located: Diagnostic[] = withLocations(applyEdits(snapshot, edits), errors);
  const first = located[0]!;
  const more = located.length > 1 ? ` (and ${located.length - 1} more problem(s))` : "";
  throw new ZmgrError(first.code, `${what}: ${first.message}${more}`, {
    help: first.help,
    details: { diagnostics: located },
    ...(first.location ? { location: first.location } : {}),
  });
}
