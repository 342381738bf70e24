import type { Document, Node } from "@bgotink/kdl";
import { checks, help } from "./checks.js";
import type { Path, Reader } from "./reader.js";
import type { DocKind } from "./types.js";

/** Find the one top-level node of a document; reports missing/wrong/extra nodes. */
export function topNode(r: Reader, doc: Document, kind: DocKind): Node | undefined {
  const matching = doc.nodes.filter((n) => n.getName() === kind);
  const top = matching[0];
  if (!top) {
    r.unusable = true;
    const found = doc.nodes[0]?.getName();
    if (found === undefined) {
      r.error(
        "missing_node",
        `${r.file} holds no \`${kind}\` node`,
        `write \`${kind} "<name>" { … }\``,
        [kind],
      );
    } else {
      r.record?.([kind], doc.nodes[0]!);
      r.error(
        "wrong_node",
        `${r.file} should hold a \`${kind}\` node, not \`${found}\``,
        `this directory holds ${kind} files; move the file or rename the node to \`${kind}\``,
        [kind],
      );
    }
    return undefined;
  }
  r.record?.([kind], top);
  for (const extra of matching.slice(1)) {
    r.record?.([kind], extra);
    r.error(
      "multiple_nodes",
      `${r.file} holds ${matching.length} \`${kind}\` nodes; only the first is read`,
      `keep one \`${kind}\` node per file, named like the file`,
      [kind],
    );
  }
  for (const other of doc.nodes) {
    if (other.getName() === kind) continue;
    r.record?.([kind, other.getName()], other);
    r.report(
      "unknown_node",
      "warning",
      `unknown top-level node \`${other.getName()}\`; zmgr keeps it but does not use it`,
      `a ${kind} file holds one \`${kind}\` node`,
      [kind, other.getName()],
    );
  }
  return top;
}

/** The name argument of the top node; entity names are checked against the name rules. */
export function topName(r: Reader, node: Node, kind: DocKind, entity: boolean): string | undefined {
  const p: Path = [kind, "name"];
  const e = node.getArgumentEntry(0);
  r.record?.(p, e ?? node);
  const v = e?.getValue();
  if (typeof v !== "string" || v.length === 0) {
    r.unusable = true;
    r.error(
      e ? "wrong_type" : "missing_field",
      e ? `the ${kind} name must be a non-empty string` : `the \`${kind}\` node has no name`,
      `write \`${kind} "<name>" { … }\` with the name of the file`,
      p,
    );
    return undefined;
  }
  if (node.getArgumentEntries().length > 1) {
    r.error("too_many_values", `\`${kind}\` takes one name`, `write \`${kind} "${v}" { … }\``, p);
  }
  if (entity) {
    const problem = checks.name(v);
    if (problem) r.error("invalid_name", `${kind} name ${problem}`, help.name, p);
  }
  return v;
}
