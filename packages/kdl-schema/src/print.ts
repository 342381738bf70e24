import { documentSpecs } from "./descs.js";
import { specText } from "./kdl-text.js";
import type { DocKind, DocValueMap } from "./types.js";

/**
 * Canonical KDL v2 text for a brand-new document: the top node, then one child per line with a
 * 2-space indent; nets on one line (`net "internal" { address "…"; gateway "…"; pool "…"; }`);
 * strings always in double quotes; list fields (`addresses`, `address`, `pool`, `reserve`) as
 * arguments of one node; repeatable resources (`publisher`, `fs`, `dataset`, `attr`) one node each.
 * config.kdl is written as top-level nodes.
 */
export function printDocument<K extends DocKind>(kind: K, value: DocValueMap[K]): string {
  return documentSpecs(kind, value)
    .map((s) => `${specText(s)}\n`)
    .join("");
}
