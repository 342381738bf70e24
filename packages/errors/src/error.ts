import type { SourceLocation } from "./location.js";

export interface ZmgrErrorOptions {
  /** What the user should do next: one line. */
  help: string;
  cause?: unknown;
  location?: SourceLocation;
  /** Extra structured facts (pool name, argv, exit code, …) carried into `--json` output. */
  details?: Record<string, unknown>;
}

/**
 * The base of every error zmgr raises on purpose. `code` is stable (`zmgr::<area>::<variant>`)
 * and is what scripts match on; `message` is one line; `help` says what to do next.
 * Expected validation problems are not errors but data: see `Diagnostic`.
 */
/**
 * The brand every ZmgrError carries. `Symbol.for` makes it one symbol per process, shared by
 * every copy of @zmgr/errors that is loaded (two versions in node_modules, a bundled and an
 * installed copy), so `isZmgrError` recognises errors from any of them where `instanceof` fails.
 */
export const ZMGR_ERROR_BRAND: unique symbol = Symbol.for("@zmgr/errors.ZmgrError");

export class ZmgrError extends Error {
  readonly [ZMGR_ERROR_BRAND] = true as const;
  readonly code: string;
  readonly help: string;
  readonly location: SourceLocation | undefined;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: ZmgrErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.help = options.help;
    this.location = options.location;
    this.details = options.details ?? {};
  }

  /** The `{"error": …}` payload printed on stderr under `--json`. */
  toJSON(): ErrorJson {
    return {
      code: this.code,
      message: this.message,
      help: this.help,
      ...(this.location ? { location: this.location } : {}),
      ...this.details,
    };
  }
}

export interface ErrorJson {
  code: string;
  message: string;
  help: string;
  location?: SourceLocation;
  [key: string]: unknown;
}

/**
 * Whether the value is a ZmgrError from any copy of this package: it checks the
 * `Symbol.for("@zmgr/errors.ZmgrError")` brand (and that `code` and `help` are strings), never
 * `instanceof`.
 */
export function isZmgrError(value: unknown): value is ZmgrError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<PropertyKey, unknown>;
  return v[ZMGR_ERROR_BRAND] === true && typeof v.code === "string" && typeof v.help === "string";
}
