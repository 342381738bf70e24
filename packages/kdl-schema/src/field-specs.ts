import type { Spec } from "./kdl-text.js";
import type {
  Config,
  Pool,
  Publisher,
  Template,
  TemplateNet,
  Zone,
  ZoneNet,
  ZoneStatus,
} from "./types.js";

/**
 * Which nodes carry a field of a document, and how the field is written canonically.
 * `names[0]` is the canonical node name; further names are legacy forms read for that field.
 */
export interface FieldDesc<V> {
  id: string;
  names: readonly string[];
  get: (v: V) => unknown;
  specs: (v: V) => Spec[];
  /** Keyed sub-documents (nets): edited per net instead of rewritten whole. */
  nets?: NetDesc;
}

export interface NetDesc {
  /** Top-level nodes of the legacy single-net form, replaced by `net` nodes on edit. */
  legacy: readonly string[];
  fields: FieldDesc<NetValue>[];
}

export type NetValue = TemplateNet | ZoneNet;

const one = (name: string, v: string | number | boolean | undefined): Spec[] =>
  v === undefined ? [] : [{ name, args: [v] }];
const many = (name: string, v: readonly string[]): Spec[] =>
  v.length ? [{ name, args: [...v] }] : [];
const each = (name: string, v: readonly string[]): Spec[] => v.map((x) => ({ name, args: [x] }));

function field<V>(
  id: string,
  get: (v: V) => unknown,
  specs: (v: V) => Spec[],
  legacy: string[] = [],
): FieldDesc<V> {
  return { id, names: [id, ...legacy], get, specs };
}

export const CONFIG_DESCS: FieldDesc<Config>[] = [
  field(
    "zonepath-prefix",
    (c) => c.zonepathPrefix,
    (c) => one("zonepath-prefix", c.zonepathPrefix),
  ),
  field(
    "default-template",
    (c) => c.defaultTemplate,
    (c) => one("default-template", c.defaultTemplate),
  ),
  field(
    "command-prefix",
    (c) => c.commandPrefix,
    (c) => many("command-prefix", c.commandPrefix),
  ),
];

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
];

export const POOL_DESCS: FieldDesc<Pool>[] = [
  field(
    "network",
    (p) => p.network,
    (p) => one("network", p.network),
  ),
  field(
    "gateway",
    (p) => p.gateway,
    (p) => one("gateway", p.gateway),
  ),
  field(
    "stub",
    (p) => p.stub,
    (p) => one("stub", p.stub),
  ),
  field(
    "range-start",
    (p) => (p.mode.kind === "range" ? p.mode.start : undefined),
    (p) => one("range-start", p.mode.kind === "range" ? p.mode.start : undefined),
  ),
  field(
    "range-end",
    (p) => (p.mode.kind === "range" ? p.mode.end : undefined),
    (p) => one("range-end", p.mode.kind === "range" ? p.mode.end : undefined),
  ),
  field(
    "addresses",
    (p) => (p.mode.kind === "list" ? p.mode.addresses : undefined),
    (p) => (p.mode.kind === "list" ? [{ name: "addresses", args: [...p.mode.addresses] }] : []),
  ),
  field(
    "reserve",
    (p) => p.reserve,
    (p) => many("reserve", p.reserve),
  ),
];

const ZONE_NET_DESCS: FieldDesc<NetValue>[] = [
  field(
    "address",
    (n) => (n as ZoneNet).addresses,
    (n) => many("address", (n as ZoneNet).addresses),
  ),
  field(
    "gateway",
    (n) => (n as ZoneNet).gateways,
    (n) => many("gateway", (n as ZoneNet).gateways),
  ),
  field(
    "vnic",
    (n) => n.vnic,
    (n) => one("vnic", n.vnic),
  ),
  field(
    "stub",
    (n) => (n as ZoneNet).stub,
    (n) => one("stub", (n as ZoneNet).stub),
  ),
  field(
    "pool",
    (n) => n.pools,
    (n) => many("pool", n.pools),
  ),
];

export function zoneNetSpec(n: ZoneNet): Spec {
  return {
    name: "net",
    args: [n.name],
    inline: true,
    children: ZONE_NET_DESCS.flatMap((d) => d.specs(n)),
  };
}

function statusSpec(s: ZoneStatus | undefined): Spec[] {
  if (!s) return [];
  const props: [string, string | number][] = [];
  if (s.pid !== undefined) props.push(["pid", s.pid]);
  if (s.host !== undefined) props.push(["host", s.host]);
  if (s.started !== undefined) props.push(["started", s.started]);
  if (s.reason !== undefined) props.push(["reason", s.reason]);
  return [{ name: "status", args: [s.state], props }];
}

const ZONE_LEGACY = ["address", "gateway", "vnic", "stub", "pool"];

export const ZONE_DESCS: FieldDesc<Zone>[] = [
  field(
    "template",
    (z) => z.template,
    (z) => one("template", z.template),
  ),
  {
    ...field(
      "net",
      (z: Zone) => z.nets,
      (z) => z.nets.map(zoneNetSpec),
      ZONE_LEGACY,
    ),
    nets: { legacy: ZONE_LEGACY, fields: ZONE_NET_DESCS },
  },
  field(
    "created",
    (z) => z.created,
    (z) => one("created", z.created),
  ),
  field(
    "status",
    (z) => z.status,
    (z) => statusSpec(z.status),
  ),
];

export const PUBLISHER_DESCS: FieldDesc<Publisher>[] = [
  field(
    "origin",
    (p) => p.origin,
    (p) => one("origin", p.origin),
  ),
];
