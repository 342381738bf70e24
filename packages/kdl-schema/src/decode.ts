import type { Document } from "@bgotink/kdl";
import { decodeConfig } from "./decode-config.js";
import { decodePool } from "./decode-pool.js";
import { decodePublisher } from "./decode-publisher.js";
import { decodeTemplate } from "./decode-template.js";
import { topNode } from "./decode-top.js";
import { decodeZone } from "./decode-zone.js";
import type { Reader } from "./reader.js";
import type { DocKind, DocValueMap } from "./types.js";

/** Decode a parsed KDL document into the typed value of `kind`, collecting diagnostics in `r`. */
export function decode<K extends DocKind>(
  r: Reader,
  kind: K,
  doc: Document,
): DocValueMap[K] | undefined {
  if (kind === "config") return decodeConfig(r, doc) as DocValueMap[K];
  const node = topNode(r, doc, kind);
  if (!node) return undefined;
  switch (kind) {
    case "template":
      return decodeTemplate(r, node) as DocValueMap[K] | undefined;
    case "pool":
      return decodePool(r, node) as DocValueMap[K] | undefined;
    case "zone":
      return decodeZone(r, node) as DocValueMap[K] | undefined;
    default:
      return decodePublisher(r, node) as DocValueMap[K] | undefined;
  }
}

/** The name argument of the document's top node, when it is a string. */
export function nodeName(kind: DocKind, doc: Document): string | undefined {
  if (kind === "config") return undefined;
  const v = doc.findNodeByName(kind)?.getArgument(0);
  return typeof v === "string" ? v : undefined;
}
