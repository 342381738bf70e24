import type { Diagnostic } from "@zmgr/errors";
import { decode, nodeName } from "./decode.js";
import { fastParse } from "./fast-parse.js";
import { Reader } from "./reader.js";
import { parseKdl, type SyntaxResult, v1Diagnostic } from "./syntax.js";
import type { DocKind, Parsed } from "./types.js";

/**
 * Parse one registry document. Never throws: every problem is a Diagnostic. `value` is absent
 * when the document is unusable (syntax error, wrong or missing node, a required field missing).
 */
export function parseDocument<K extends DocKind>(kind: K, text: string, file: string): Parsed<K> {
  try {
    return parseUnsafe(kind, text, file);
  } catch (error) {
    // Defensive: a bug in the decoder must not crash a caller reading a whole registry.
    const diagnostic: Diagnostic = {
      code: "zmgr::kdl::internal",
      severity: "error",
      message: `${file} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      help: "this is a zmgr bug; please report it with the file",
      file,
    };
    return { kind, file, text, kdlVersion: 2, diagnostics: [diagnostic] };
  }
}

function parseUnsafe<K extends DocKind>(kind: K, text: string, file: string): Parsed<K> {
  // Plain registry text takes the fast path; anything else (and every error) the full parser.
  const fast = fastParse(text);
  const syntax: SyntaxResult = fast ? { ok: true, doc: fast, version: 2 } : parseKdl(text, file);
  if (!syntax.ok) return { kind, file, text, kdlVersion: 2, diagnostics: [syntax.diagnostic] };
  const r = new Reader(file);
  const value = decode(r, kind, syntax.doc);
  const diagnostics = syntax.version === 1 ? [v1Diagnostic(file), ...r.diagnostics] : r.diagnostics;
  const parsed: Parsed<K> = { kind, file, text, kdlVersion: syntax.version, diagnostics };
  const name = nodeName(kind, syntax.doc);
  if (name !== undefined) parsed.name = name;
  if (value !== undefined && !r.unusable) parsed.value = value;
  return parsed;
}
