import { checks, help } from "./checks.js";
import { forEachNamedNet } from "./decode-net-nodes.js";
import { list, scalar } from "./read-fields.js";
import { type Fields, fields, type Path, type Reader } from "./reader.js";
import type { TemplateNet } from "./types.js";

export const TEMPLATE_NET_FIELDS = ["pool", "vnic"] as const;

/**
 * `net "<name>" { pool "a" "b"; vnic "{zone}pub{index}" }` nodes, or the legacy template-level
 * `pool "<name>"` shorthand for one `net "default"`.
 */
export function decodeTemplateNets(r: Reader, f: Fields, path: Path): TemplateNet[] {
  const netNodes = f.get("net") ?? [];
  const legacy = f.get("pool") ?? [];
  const nets: TemplateNet[] = [];
  if (legacy.length > 0 && netNodes.length > 0) {
    r.error(
      "conflicting_fields",
      "the template has both `net` nodes and the legacy template-level `pool`",
      'move the pool into a net: `net "default" { pool "…" }`',
      [...path, "pool"],
    );
  }
  if (legacy.length > 0 && netNodes.length === 0) {
    const p = [...path, "net", "0"];
    r.record?.(p, legacy[0]!);
    const pools = list(r, new Map([["pool", legacy]]), "pool", p, checks.name, help.name);
    return [{ name: "default", pools }];
  }
  forEachNamedNet(r, netNodes, path, 'pool "…"', (name, node, p) => {
    const nf = fields(r, node.children, TEMPLATE_NET_FIELDS, p);
    const pools = list(r, nf, "pool", p, checks.name, help.name);
    if (pools.length === 0) {
      r.error(
        "missing_field",
        `net "${name}" names no pool`,
        `add \`pool "<pool>"\` inside net "${name}"`,
        [...p, "pool"],
      );
    }
    const vnic = scalar(r, nf, "vnic", "string", p, { check: checks.nonEmpty });
    nets.push(vnic === undefined ? { name, pools } : { name, pools, vnic });
  });
  return nets;
}
