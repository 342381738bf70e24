import { type Entry, getLocation, type Node } from "@bgotink/kdl";
import type { SourceLocation } from "@zmgr/errors";
import { decode } from "./decode.js";
import { Reader } from "./reader.js";
import { parseKdl } from "./syntax.js";
import { DOC_KINDS, type DocKind } from "./types.js";

/**
 * Re-parse one file with locations and find the value at `path` (Diagnostic.path convention:
 * `[kind, field, index?, …]`). Falls back to the nearest enclosing value that exists.
 * A syntax error yields the error's own position.
 */
export function locate(
  text: string,
  file: string,
  path: readonly string[],
): SourceLocation | undefined {
  try {
    const syntax = parseKdl(text, file, true);
    if (!syntax.ok) return syntax.diagnostic.location;
    const kind = path[0] as DocKind;
    if (!DOC_KINDS.includes(kind)) return undefined;
    const seen = new Map<string, Node | Entry>();
    const r = new Reader(file, (p, el) => {
      const key = p.join("\u0000");
      if (!seen.has(key)) seen.set(key, el);
    });
    decode(r, kind, syntax.doc);
    for (let n = path.length; n > 0; n--) {
      const el = seen.get(path.slice(0, n).join("\u0000"));
      const loc = el && getLocation(el);
      if (loc) {
        // an entry's span includes the space and comments after its value (e.g. before a `//`
        // comment): the caret run ends where the value ends
        const end = (el.type === "entry" ? getLocation(el.value)?.end : undefined) ?? loc.end;
        const length =
          loc.start.line === end.line
            ? text.slice(loc.start.offset, end.offset).trimEnd().length
            : undefined;
        const out: SourceLocation = { file, line: loc.start.line, column: loc.start.column };
        if (length !== undefined && length > 0) out.length = length;
        return out;
      }
    }
    return undefined;
  } catch {
    return undefined;
  }
}
