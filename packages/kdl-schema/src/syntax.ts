import { type Document, InvalidKdlError, parse } from "@bgotink/kdl";
import { parse as parseV1 } from "@bgotink/kdl/v1-compat";
import type { Diagnostic } from "@zmgr/errors";

export type SyntaxResult =
  | { ok: true; doc: Document; version: 1 | 2 }
  | { ok: false; diagnostic: Diagnostic };

interface ErrorSpot {
  message: string;
  line: number;
  column: number;
  offset: number;
}

/**
 * Parse KDL v2, falling back to KDL v1 (returned as a v2 document). Never throws.
 * When neither parses, the v2 error is reported, unless it sits on v1 syntax and the v1 parser
 * got further (then the file is taken to be v1 and its v1 error is reported).
 */
export function parseKdl(text: string, file: string, storeLocations = false): SyntaxResult {
  let v2Error: unknown;
  try {
    return { ok: true, doc: parse(text, { storeLocations }), version: 2 };
  } catch (error) {
    v2Error = error;
  }
  let v1Error: unknown;
  try {
    return { ok: true, doc: parseV1(text, { storeLocations }), version: 1 };
  } catch (error) {
    v1Error = error;
  }
  const a = spotOf(v2Error);
  const b = spotOf(v1Error);
  // Report the v2 error, unless the text there is v1 syntax and the v1 parser got further.
  const v1ism =
    a !== undefined &&
    (/keyword "(true|false|null)"/.test(a.message) ||
      /(^|[\s=(])r#*"/.test(text.slice(Math.max(0, a.offset - 3), a.offset + 3)));
  const spot = b && (!a || (v1ism && b.offset > a.offset)) ? b : a;
  return { ok: false, diagnostic: syntaxDiagnostic(file, spot, text) };
}

function spotOf(error: unknown): ErrorSpot | undefined {
  if (!(error instanceof InvalidKdlError)) {
    if (error instanceof Error) return { message: error.message, line: 1, column: 1, offset: -1 };
    return undefined;
  }
  let best: ErrorSpot | undefined;
  for (const e of error.flat()) {
    const start = e.start;
    const spot: ErrorSpot = start
      ? { message: e.message, line: start.line, column: start.column, offset: start.offset }
      : { message: e.message, line: 1, column: 1, offset: -1 };
    if (!best || (best.offset < 0 && spot.offset >= 0)) best = spot;
  }
  return best;
}

function syntaxDiagnostic(file: string, spot: ErrorSpot | undefined, text: string): Diagnostic {
  const line = spot?.line ?? 1;
  const column = spot?.column ?? 1;
  const raw = spot?.message ?? "the text is not valid KDL";
  const message = raw.replace(/ at \d+:\d+$/, "");
  return {
    code: "zmgr::kdl::syntax",
    severity: "error",
    message: `${file}:${line}:${column}: ${message}`,
    help:
      text.trim() === ""
        ? "the file is empty; write the document or remove the file"
        : "fix the KDL syntax at that position (KDL v2: strings in double quotes, #true/#false)",
    file,
    location: { file, line, column },
  };
}

/** The v1 warning attached to every file read through the v1-compat parser. */
export function v1Diagnostic(file: string): Diagnostic {
  return {
    code: "zmgr::kdl::v1_syntax",
    severity: "warning",
    message: `${file} is written in KDL v1 syntax`,
    help: "run `zmgr fmt` to rewrite it as KDL v2 (comments are kept)",
    file,
  };
}
