import { each, type FieldDesc, field, many, type NetValue, one } from "./field-specs.js";
import type { Spec } from "./kdl-text.js";
import type { Template, TemplateNet } from "./types.js";

const TEMPLATE_NET_DESCS: FieldDesc<NetValue>[] = [
  field(
    "pool",
    (n) => n.pools,
    (n) => many("pool", n.pools),
  ),
  field(
    "vnic",
    (n) => n.vnic,
    (n) => one("vnic", n.vnic),
  ),
];

export function templateNetSpec(n: TemplateNet): Spec {
  return {
    name: "net",
    args: [n.name],
    inline: true,
    children: TEMPLATE_NET_DESCS.flatMap((d) => d.specs(n)),
  };
}

export const TEMPLATE_DESCS: FieldDesc<Template>[] = [
  field(
    "brand",
    (t) => t.brand,
    (t) => one("brand", t.brand),
  ),
  field(
    "autoboot",
    (t) => t.autoboot,
    (t) => one("autoboot", t.autoboot),
  ),
  field(
    "ip-type",
    (t) => t.ipType,
    (t) => one("ip-type", t.ipType),
  ),
  {
    ...field(
      "net",
      (t: Template) => t.nets,
      (t) => t.nets.map(templateNetSpec),
      ["pool"],
    ),
    nets: { legacy: ["pool"], fields: TEMPLATE_NET_DESCS },
  },
  field(
    "publisher",
    (t) => t.publishers,
    (t) => each("publisher", t.publishers),
  ),
  field(
    "capped-memory",
    (t) => t.cappedMemory,
    (t) => one("capped-memory", t.cappedMemory),
  ),
  field(
    "cpu-shares",
    (t) => t.cpuShares,
    (t) => one("cpu-shares", t.cpuShares),
  ),
  field(
    "fs",
    (t) => t.fs,
    (t) =>
      t.fs.map((m) => ({
        name: "fs",
        args: [m.special, m.dir],
        props: m.readonly ? [["readonly", true]] : [],
      })),
  ),
  field(
    "dataset",
    (t) => t.datasets,
    (t) => each("dataset", t.datasets),
  ),
  field(
    "attr",
    (t) => t.attrs,
    (t) => t.attrs.map((a) => ({ name: "attr", args: [a.name, a.value] })),
  ),
  field(
    "install-args",
    (t) => t.installArgs,
    (t) => many("install-args", t.installArgs),
  ),
  field(
    "clone",
    (t) => t.clone,
    (t) => one("clone", t.clone),
  ),
];
