import type { Document, Node } from "@bgotink/kdl";
import { buildNode, insertChild, removeChild, setEntries, setListChildren } from "./edit.js";
import type { FieldDesc, NetDesc, NetValue } from "./field-specs.js";
import type { Spec } from "./kdl-text.js";
import { same } from "./same.js";

/** Where a document's fields live: the node holding them (null for top-level config). */
export interface Holder {
  parent: Node | null;
  doc: Document | null;
}

/** Apply every field of `next` that differs from `prev` (all of them when prev is undefined). */
export function updateFields<V>(
  h: Holder,
  descs: FieldDesc<V>[],
  prev: V | undefined,
  next: V,
): void {
  descs.forEach((desc, k) => {
    if (prev !== undefined && same(desc.get(prev), desc.get(next))) return;
    if (desc.nets)
      updateNets(
        h,
        descs,
        k,
        desc.nets,
        prev === undefined ? undefined : (desc.get(prev) as NetValue[]),
        desc.get(next) as NetValue[],
      );
    else rewriteField(h, descs, k, desc.specs(next));
  });
}

/** The last node of a field that comes before field `k` in canonical order: new nodes go after it. */
function anchor<V>(h: Holder, descs: FieldDesc<V>[], k: number): Node | null {
  const earlier = new Set(descs.slice(0, k).flatMap((d) => d.names));
  let found: Node | null = null;
  for (const n of h.doc?.nodes ?? []) if (earlier.has(n.getName())) found = n;
  return found;
}

function insert(h: Holder, node: Node, after: Node | null): void {
  h.doc = insertChild(h.parent, h.doc, node, after);
}

/** Make the nodes of one field equal to `specs`, patching existing nodes in place. */
function rewriteField<V>(h: Holder, descs: FieldDesc<V>[], k: number, specs: Spec[]): void {
  const names = descs[k]!.names;
  const existing = (h.doc?.nodes ?? []).filter((n) => names.includes(n.getName()));
  let placed: Node | null = null;
  specs.forEach((spec, i) => {
    const node = existing[i];
    if (node && node.getName() === spec.name) {
      patchNode(node, spec);
      placed = node;
      return;
    }
    const fresh = buildNode(spec);
    if (node) {
      fresh.leading = node.leading;
      fresh.trailing = node.trailing;
      h.doc!.replaceNode(node, fresh);
    } else insert(h, fresh, placed ?? existing.at(-1) ?? anchor(h, descs, k));
    placed = fresh;
  });
  for (const extra of existing.slice(specs.length)) removeChild(h.doc!, extra);
}

function patchNode(node: Node, spec: Spec): void {
  const listChildren = node.children && node.children.nodes.length > 0 && !node.hasArguments();
  if (listChildren && !spec.props?.length && !spec.children) {
    setListChildren(node, spec.args.map(String));
    return;
  }
  setEntries(node, spec.args, spec.props ?? []);
  if (!spec.children && node.children) {
    node.children = null;
    node.beforeChildren = undefined;
  }
}

/** Nets: matched by name, edited field by field; the legacy single-net form becomes `net` nodes. */
function updateNets<V>(
  h: Holder,
  descs: FieldDesc<V>[],
  k: number,
  nd: NetDesc,
  prev: NetValue[] | undefined,
  next: NetValue[],
): void {
  const desc = descs[k]!;
  for (const n of [...(h.doc?.nodes ?? [])])
    if (nd.legacy.includes(n.getName())) removeChild(h.doc!, n);
  const netNodes = () => (h.doc?.nodes ?? []).filter((n) => n.getName() === "net");
  const byName = new Map(netNodes().map((n) => [n.getArgument(0), n] as const));
  const specs = desc.specs({ nets: next } as V) as Spec[];
  for (const n of netNodes()) {
    if (!next.some((x) => x.name === n.getArgument(0))) removeChild(h.doc!, n);
  }
  let after: Node | null = null;
  next.forEach((net, i) => {
    const node = byName.get(net.name);
    if (node) {
      const old = prev?.find((p) => p.name === net.name);
      if (!old || !same(old, net))
        updateFields({ parent: node, doc: node.children }, nd.fields, old, net);
      after = node;
      return;
    }
    const fresh = buildNode(specs[i]!);
    insert(h, fresh, after ?? netNodes().at(-1) ?? anchor(h, descs, k));
    after = fresh;
  });
  reorder(
    h,
    next.map((n) => n.name),
    netNodes(),
  );
}

function reorder(h: Holder, order: string[], nodes: Node[]): void {
  const names = nodes.map((n) => n.getArgument(0));
  if (same(names, order) || !h.doc) return;
  const doc = h.doc;
  const first = doc.nodes.indexOf(nodes[0]!);
  const sorted = order.map((name) => nodes.find((n) => n.getArgument(0) === name)!);
  const rest = doc.nodes.filter((n) => !nodes.includes(n));
  const before = rest.filter((n) => doc.nodes.indexOf(n) < first);
  doc.nodes = [...before, ...sorted, ...rest.slice(before.length)];
}
