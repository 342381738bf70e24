export type { Diagnostic, Severity } from "./diagnostic.js";
export { countBySeverity, hasErrors } from "./diagnostic.js";
export type { ErrorJson, ZmgrErrorOptions } from "./error.js";
export { isZmgrError, ZMGR_ERROR_BRAND, ZmgrError } from "./error.js";
export type { SourceLocation } from "./location.js";
export { formatLocation } from "./location.js";
