export { addressKey } from "./context.js";
export { EXCLUSIVE_STUB_CLASSES } from "./host.js";
export {
  buildLedger,
  type Holding,
  type HoldKind,
  holdersOf,
  type Ledger,
  liveAddresses,
  usedAddresses,
  usedInPool,
} from "./ledger.js";
export { LedgerUnreadableError, requireReadableLedger, unreadableNotes } from "./ledger-guard.js";
export { withLocations } from "./locations.js";
export { poolSpecOf } from "./pool-spec.js";
export { NEARLY_FULL_PERCENT } from "./pools.js";
export { NO_FILE_GROUP, type RenderOptions, renderHuman } from "./render-human.js";
export { type DiagnosticJson, renderJson, type ValidationJson } from "./render-json.js";
export { passes, summaryLine, validationExitCode } from "./summary.js";
export type { HostFacts, ValidateOptions } from "./types.js";
export { applyEdits, type Edit, validateEdits } from "./validate-edit.js";
export { validateProposedZone } from "./validate-proposed.js";
export { validateSnapshot } from "./validate-snapshot.js";
