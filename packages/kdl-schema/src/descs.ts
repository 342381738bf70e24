import { CONFIG_DESCS, type FieldDesc, POOL_DESCS, PUBLISHER_DESCS } from "./field-specs.js";
import { TEMPLATE_DESCS } from "./field-specs-template.js";
import { ZONE_DESCS } from "./field-specs-zone.js";
import type { Spec } from "./kdl-text.js";
import type { DocKind, DocValueMap } from "./types.js";

// biome-ignore lint/suspicious/noExplicitAny: one table for five value types
const DESCS: Record<DocKind, FieldDesc<any>[]> = {
  config: CONFIG_DESCS,
  template: TEMPLATE_DESCS,
  pool: POOL_DESCS,
  zone: ZONE_DESCS,
  publisher: PUBLISHER_DESCS,
};

export function descsOf<K extends DocKind>(kind: K): FieldDesc<DocValueMap[K]>[] {
  return DESCS[kind];
}

/** The canonical top-level nodes of a document. */
export function documentSpecs<K extends DocKind>(kind: K, value: DocValueMap[K]): Spec[] {
  const fields = descsOf(kind).flatMap((d) => d.specs(value));
  if (kind === "config") return fields;
  const name = (value as { name: string }).name;
  return [{ name: kind, args: [name], children: fields }];
}
