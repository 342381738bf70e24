import { type Document, format, type Node, parse } from "@bgotink/kdl";
import type { Diagnostic } from "@zmgr/errors";
import { hasComment, inlineText, leadingText, trailingText } from "./format-space.js";
import { nameText, valueText } from "./kdl-text.js";
import { parseKdl, v1Diagnostic } from "./syntax.js";

/**
 * Rewrite any registry file in the canonical v2 style (the style of `printDocument`): 2-space
 * indent, one node per line, `net` nodes of a template or zone on one line when they hold no
 * comments, strings in double quotes, at most one blank line in a row. Comments are kept; the node
 * structure is not changed (legacy forms stay legacy). A file that does not parse is returned as is.
 */
export function formatDocument(
  text: string,
  file: string,
): { text: string; changed: boolean; upgraded: boolean; diagnostics: Diagnostic[] } {
  const syntax = parseKdl(text, file);
  if (!syntax.ok)
    return { text, changed: false, upgraded: false, diagnostics: [syntax.diagnostic] };
  const upgraded = syntax.version === 1;
  const diagnostics = upgraded ? [v1Diagnostic(file)] : [];
  let out: string;
  try {
    layoutBlock(syntax.doc, null, "");
    out = format(syntax.doc);
    parse(out);
  } catch (error) {
    diagnostics.push({
      code: "zmgr::kdl::format_failed",
      severity: "error",
      message: `${file} could not be reformatted: ${error instanceof Error ? error.message : String(error)}`,
      help: "the file is left unchanged; this is a zmgr bug, please report it with the file",
      file,
    });
    return { text, changed: false, upgraded: false, diagnostics };
  }
  return { text: out, changed: out !== text, upgraded, diagnostics };
}

function layoutBlock(doc: Document, parent: Node | null, indent: string): void {
  const inline = parent !== null && isInlineNet(parent, indent);
  doc.nodes.forEach((node, i) => {
    if (inline) {
      node.leading = " ";
      node.trailing = ";";
    } else {
      node.leading = leadingText(node.leading, indent, parent !== null && i === 0);
      node.trailing = trailingText(node.trailing);
    }
    layoutNode(node, `${indent}  `);
  });
  if (inline) doc.trailing = " ";
  else doc.trailing = closingText(doc.trailing, indent, parent !== null && doc.nodes.length === 0);
}

/** The text before a block's `}` (or the end of the file): comment lines, then the brace's indent. */
function closingText(text: string | undefined, indent: string, afterBrace: boolean): string {
  let t = leadingText(text, indent, afterBrace).replace(/[ \t]*$/, "");
  if (t !== "" && !t.endsWith("\n")) t += "\n";
  t = t.replace(/\n\n+$/, "\n");
  return t + indent.slice(0, -2);
}

function layoutNode(node: Node, childIndent: string): void {
  node.name.representation = nameText(node.name.name);
  for (const e of node.entries) {
    e.leading = inlineText(e.leading);
    e.trailing = undefined;
    e.value.representation = valueText(e.value.value);
    if (e.name) {
      e.name.representation = nameText(e.name.name);
      e.equals = "=";
    }
  }
  const children = node.children;
  if (!children) return;
  if (children.nodes.length === 0 && !hasComment(children.trailing)) {
    node.children = null;
    node.beforeChildren = undefined;
    return;
  }
  node.beforeChildren = inlineText(node.beforeChildren);
  layoutBlock(children, node, childIndent);
}

/** `net` nodes one level under the top node go on one line when nothing inside needs a line. */
function isInlineNet(node: Node, childIndent: string): boolean {
  if (node.getName() !== "net" || childIndent !== "    ") return false;
  const kids = node.children?.nodes ?? [];
  if (kids.length === 0 || hasComment(node.children?.trailing)) return false;
  return kids.every(
    (k) =>
      !k.children &&
      !hasComment(k.leading) &&
      !hasComment(k.trailing) &&
      k.entries.every((e) => !hasComment(e.leading)),
  );
}
