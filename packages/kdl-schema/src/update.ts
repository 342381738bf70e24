import type { Document } from "@bgotink/kdl";
import { format } from "@bgotink/kdl";
import { configContainer } from "./decode-config.js";
import { descsOf } from "./descs.js";
import { setEntries } from "./edit.js";
import { parseDocument } from "./parse.js";
import { printDocument } from "./print.js";
import { same } from "./same.js";
import { parseKdl } from "./syntax.js";
import type { DocKind, DocValueMap, Parsed } from "./types.js";
import { type Holder, updateFields } from "./update-fields.js";

/**
 * Format-preserving edit: the new text differs from `previous.text` only where `value` differs
 * from `previous.value`; comments, layout and unknown nodes survive. A KDL v1 input comes back as
 * v2 (`upgraded: true`). A document that does not parse at all, or whose edit would not read back
 * as `value`, is replaced by `printDocument`'s text.
 */
export function updateDocument<K extends DocKind>(
  previous: Parsed<K>,
  value: DocValueMap[K],
): { text: string; upgraded: boolean } {
  const syntax = parseKdl(previous.text, previous.file);
  if (syntax.ok && syntax.version === 2 && unchanged(previous, value)) {
    return { text: previous.text, upgraded: false };
  }
  if (!syntax.ok) return { text: printDocument(previous.kind, value), upgraded: false };
  const holder = holderOf(previous.kind, syntax.doc, value);
  if (!holder) return { text: printDocument(previous.kind, value), upgraded: syntax.version === 1 };
  updateFields(holder, descsOf(previous.kind), previous.value, value);
  const text = format(syntax.doc);
  // Safety net: the edit must read back as `value`. A document the KDL library round-trips
  // wrongly (e.g. a node name like `0xa` after a newline) gets the canonical text instead.
  if (!readsBackAs(previous.kind, text, value)) {
    return { text: printDocument(previous.kind, value), upgraded: syntax.version === 1 };
  }
  return { text, upgraded: syntax.version === 1 };
}

/** The edited text means `value` (compared as the canonical text of `value` reads back). */
function readsBackAs<K extends DocKind>(kind: K, text: string, value: DocValueMap[K]): boolean {
  const again = parseDocument(kind, text, "").value;
  if (again === undefined) return false;
  return (
    same(again, value) || same(again, parseDocument(kind, printDocument(kind, value), "").value)
  );
}

/** Same value as parsed (deep-equal): nothing to write, the text stays byte for byte. */
function unchanged<K extends DocKind>(previous: Parsed<K>, value: DocValueMap[K]): boolean {
  return previous.value !== undefined && same(previous.value, value);
}

function holderOf<K extends DocKind>(
  kind: K,
  doc: Document,
  value: DocValueMap[K],
): Holder | undefined {
  if (kind === "config") {
    const container = configContainer(doc);
    return container === doc ? { parent: null, doc } : { parent: doc.nodes[0]!, doc: container };
  }
  const top = doc.findNodeByName(kind);
  if (!top) return undefined;
  const name = (value as { name: string }).name;
  if (top.getArgument(0) !== name) setEntries(top, [name, ...top.getArguments().slice(1)]);
  return { parent: top, doc: top.children };
}
