import type { Node } from "@bgotink/kdl";
import { checkProps, type Path, type Reader } from "./reader.js";

/**
 * Walks `net "<name>" { … }` nodes (templates and zones alike): records each one's location,
 * refuses a net without a name and reports a name given twice, then hands the named node on.
 * `example` is the body shown in the help of a nameless net (`pool "…"`, `address "…"`).
 */
export function forEachNamedNet(
  r: Reader,
  netNodes: readonly Node[],
  path: Path,
  example: string,
  body: (name: string, node: Node, p: Path) => void,
): void {
  const seen = new Set<string>();
  netNodes.forEach((node, i) => {
    const p = [...path, "net", String(i)];
    r.record?.(p, node);
    checkProps(r, node, [], p);
    const nameArg = node.getArgumentEntry(0);
    if (nameArg) r.record?.([...p, "name"], nameArg);
    const name = nameArg?.getValue();
    if (typeof name !== "string" || name === "") {
      r.error("missing_value", "a `net` has no name", `write \`net "<name>" { ${example} }\``, p);
      return;
    }
    if (seen.has(name)) {
      r.error(
        "duplicate_field",
        `net "${name}" is given twice`,
        "give each net a different name",
        p,
      );
    }
    seen.add(name);
    body(name, node, p);
  });
}
