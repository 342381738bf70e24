import type { Spec } from "./kdl-text.js";
import {
  type Config,
  DEFAULT_CONFIG,
  type Pool,
  type Publisher,
  type TemplateNet,
  type ZoneNet,
} from "./types.js";

/**
 * Which nodes carry a field of a document, and how the field is written canonically.
 * `names[0]` is the canonical node name; further names are legacy forms read for that field.
 * The order of a kind's descriptors is the canonical field order.
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

export const one = (name: string, v: string | number | boolean | undefined): Spec[] =>
  v === undefined ? [] : [{ name, args: [v] }];
export const many = (name: string, v: readonly string[]): Spec[] =>
  v.length ? [{ name, args: [...v] }] : [];
export const each = (name: string, v: readonly string[]): Spec[] =>
  v.map((x) => ({ name, args: [x] }));

export function field<V>(
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
  // written only when it is not the default, like command-prefix when empty
  field(
    "zones-dir",
    (c) => c.zonesDir,
    (c) => (c.zonesDir === DEFAULT_CONFIG.zonesDir ? [] : one("zones-dir", c.zonesDir)),
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
export const PUBLISHER_DESCS: FieldDesc<Publisher>[] = [
  field(
    "origin",
    (p) => p.origin,
    (p) => one("origin", p.origin),
  ),
];
