import type { Node } from "@bgotink/kdl";
import { checks } from "./checks.js";
import { topName } from "./decode-top.js";
import { scalar } from "./read-fields.js";
import { fields, type Reader } from "./reader.js";
import type { Publisher } from "./types.js";

export const PUBLISHER_FIELDS = ["origin"] as const;

export function decodePublisher(r: Reader, node: Node): Publisher | undefined {
  const name = topName(r, node, "publisher", true);
  const path = ["publisher"];
  const f = fields(r, node.children, PUBLISHER_FIELDS, path);
  const origin = scalar(r, f, "origin", "string", path, {
    required: true,
    check: checks.url,
    help: 'write the repository URL, e.g. `origin "https://pkg.openindiana.org/hipster"`',
  });
  if (name === undefined || origin === undefined) return undefined;
  return { name, origin };
}
