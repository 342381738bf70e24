import { Document, type Entry, type Node, type Primitive, parse } from "@bgotink/kdl";
import { type Spec, specText, valueText } from "./kdl-text.js";

/** Build a library node from a spec, formatted canonically (no leading/trailing yet). */
export function buildNode(spec: Spec): Node {
  return parse(specText(spec), { as: "node" });
}

function sameValue(a: Primitive, b: Primitive): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function newEntry(v: Primitive, name?: string): Entry {
  return parse(name === undefined ? valueText(v) : `${name}=${valueText(v)}`, { as: "entry" });
}

/** Make a node's entries equal to `args` + `props`, keeping every entry that already matches. */
export function setEntries(node: Node, args: Primitive[], props: [string, Primitive][] = []): void {
  const oldArgs = node.getArgumentEntries();
  const oldProps = node.getPropertyEntries();
  const out: Entry[] = [];
  for (const [i, v] of args.entries()) out.push(reuse(oldArgs[i], v));
  for (const [k, v] of props)
    out.push(
      reuse(
        oldProps.find((e) => e.getName() === k),
        v,
        k,
      ),
    );
  if (out.length === node.entries.length && out.every((e, i) => e === node.entries[i])) return;
  node.entries = out;
}

function reuse(old: Entry | undefined, v: Primitive, name?: string): Entry {
  if (!old) {
    const e = newEntry(v, name);
    e.leading = " ";
    return e;
  }
  if (!sameValue(old.getValue(), v)) {
    const fresh = newEntry(v);
    old.value = fresh.value;
  }
  return old;
}

/** The indentation of a node: the whitespace after the last newline of its leading text. */
function indentOf(node: Node): string {
  const lead = node.leading ?? "";
  const nl = lead.lastIndexOf("\n");
  const tail = nl >= 0 ? lead.slice(nl + 1) : lead;
  return /^[ \t]*$/.test(tail) ? tail : (tail.match(/^[ \t]*/)?.[0] ?? "");
}

function isMultiline(doc: Document): boolean {
  return doc.nodes.some((n) => `${n.leading ?? ""}${n.trailing ?? ""}`.includes("\n"));
}

/**
 * Insert `node` into the children of `parent` (or the top-level document when parent is null),
 * after `after` (null: first), with indentation and separators copied from its siblings.
 */
export function insertChild(
  parent: Node | null,
  doc: Document | null,
  node: Node,
  after: Node | null,
): Document {
  let container = doc;
  if (!container) {
    container = new Document();
    parent!.children = container;
  }
  const siblings = container.nodes;
  if (siblings.length === 0) {
    if (parent === null) {
      node.leading = "";
      node.trailing = "\n";
    } else {
      const indent = indentOf(parent);
      parent.beforeChildren = parent.beforeChildren ?? " ";
      node.leading = `\n${indent}  `;
      node.trailing = "\n";
      container.trailing = indent;
    }
    container.appendNode(node);
    return container;
  }
  const multiline = parent === null || isMultiline(container);
  const ref = after ?? siblings[0]!;
  node.leading = multiline ? indentOf(ref) : " ";
  node.trailing = multiline ? "\n" : ";";
  if (after) {
    const t = after.trailing ?? "";
    if (!t.includes("\n") && !t.includes(";")) after.trailing = t + (multiline ? "\n" : ";");
    container.insertNodeAfter(node, after);
  } else {
    const lead = ref.leading ?? "";
    const m = lead.match(/^[ \t]*\r?\n/);
    if (m) {
      node.leading = m[0] + node.leading;
      ref.leading = lead.slice(m[0].length);
    }
    container.insertNodeBefore(node, ref);
  }
  return container;
}

/** Remove a child node; a newline that opened its block moves to the next sibling. */
export function removeChild(doc: Document, node: Node): void {
  const i = doc.nodes.indexOf(node);
  if (i < 0) return;
  const next = doc.nodes[i + 1];
  const m = (node.leading ?? "").match(/^[ \t]*\r?\n/);
  if (next && m && !/^[ \t]*\r?\n/.test(next.leading ?? ""))
    next.leading = m[0] + (next.leading ?? "");
  doc.removeNode(node);
}

/** Replace the children of a list node written in children form (`addresses { - "a"; "b" }`). */
export function setListChildren(node: Node, values: string[]): void {
  const doc = node.children!;
  const kids = [...doc.nodes];
  values.forEach((v, i) => {
    const kid = kids[i];
    if (kid) {
      if (kid.getName() === "-") setEntries(kid, [v]);
      else if (kid.getName() !== v) kid.name = parse(valueText(v), { as: "node" }).name;
      return;
    }
    const last = doc.nodes[doc.nodes.length - 1] ?? null;
    const dash = last === null || last.getName() === "-";
    insertChild(
      node,
      doc,
      buildNode(dash ? { name: "-", args: [v] } : { name: v, args: [] }),
      last,
    );
  });
  for (const extra of kids.slice(values.length)) removeChild(doc, extra);
}
