import { type Diagnostic, ZmgrError } from "@zmgr/errors";
import type { Snapshot } from "@zmgr/registry";
import type { Ledger } from "./ledger.js";
import { withLocations } from "./locations.js";

/**
 * A zone document cannot be parsed, so its addresses are unknown and no address may be handed
 * out (or made available) until it is fixed: the ledger fails closed (SPEC §3.5).
 */
export class LedgerUnreadableError extends ZmgrError {
  /** What was refused ("create zone web2", …). */
  readonly action: string;
  /** The unreadable zone documents (registry-relative paths). */
  readonly files: string[];
  readonly diagnostics: Diagnostic[];
  constructor(action: string, files: string[], diagnostics: Diagnostic[]) {
    const first = diagnostics[0];
    const file = files[0] ?? first?.file ?? "a zone document";
    const more = files.length > 1 ? ` (and ${files.length - 1} more zone file(s))` : "";
    super(
      "zmgr::registry::ledger_unreadable",
      `cannot ${action}: ${file} cannot be read${first ? ` (${first.message})` : ""}${more}, so the addresses it holds are unknown`,
      {
        help: `fix or remove ${file} (\`zmgr validate\` shows every problem), then run the command again`,
        details: { files, diagnostics },
        ...(first?.location ? { location: first.location } : {}),
      },
    );
    this.action = action;
    this.files = files;
    this.diagnostics = diagnostics;
  }
}

/**
 * Throws LedgerUnreadableError when some zone document of the ledger is unusable. `action` says
 * what was refused ("create zone web2", "remove pool internal", …).
 */
export function requireReadableLedger(snapshot: Snapshot, ledger: Ledger, action: string): void {
  if (ledger.unreadableFiles.length === 0) return;
  const diags = withLocations(snapshot, ledger.unreadable);
  const own = ledger.unreadableFiles.map(
    (f): Diagnostic =>
      diags.find((d) => d.file === f) ?? {
        code: "zmgr::registry::ledger_unreadable",
        severity: "error",
        message: `${f} holds no usable zone`,
        help: `fix or remove ${f}`,
        file: f,
      },
  );
  throw new LedgerUnreadableError(action, ledger.unreadableFiles, own);
}

/** One line per unreadable zone document, for read-only commands that still run. */
export function unreadableNotes(ledger: Ledger): string[] {
  return ledger.unreadableFiles.map(
    (f) =>
      `${f} cannot be read: the addresses it holds are not known (fix it; \`zmgr validate\` shows where)`,
  );
}
