import type { ZonecfgInfo, ZonecfgNet, ZonecfgResource } from "./types.js";
import { lexZonecfg, type Tok } from "./zonecfg-lex.js";

/** Resource blocks of `zonecfg info`, in the order it prints them (ZC `info_func`). */
export const ZONECFG_INFO_ORDER = [
  "fs",
  "net",
  "device",
  "dedicated-cpu",
  "capped-cpu",
  "capped-memory",
  "attr",
  "dataset",
  "admin",
  "rctl",
  "security-flags",
] as const;

/** Resource types zmgr knows (illumos-gate + OmniOS, and older builds); others are kept raw. */
export const ZONECFG_RESOURCE_TYPES = new Set<string>([...ZONECFG_INFO_ORDER, "inherit-pkg-dir"]);

/** List-valued properties per resource type (zonecfg grammar: `add <prop> <value>`). */
const LIST_PROPS: Record<string, readonly string[]> = {
  fs: ["options"],
  net: ["property"],
  device: ["property"],
  rctl: ["value"],
};

export function isListProp(type: string, key: string): boolean {
  return LIST_PROPS[type]?.includes(key) ?? false;
}

/**
 * The items of a list value: `[a,"b=c"]` → `a`, `b=c`; a complex `(k=v,…)` is one item kept as
 * printed; anything else is one item.
 */
export function listItems(text: string, toks: Tok[]): string[] {
  if (toks[0]?.kind !== "[") {
    const only = toks.length === 1 ? toks[0] : undefined;
    return [only && only.kind !== "(" ? only.text : text];
  }
  return toks.filter((t) => t.kind === "word" || t.kind === "string").map((t) => t.text);
}

/** Tokens of one value text (a line's value in `info`). */
export function valueToks(text: string): Tok[] {
  return lexZonecfg(text).flatMap((c) => c.toks);
}

/** `(name=ips,value="172.30.1.129/26")` → { name, value }; undefined for any other shape. */
function namedValue(complex: string): { name: string; value: string } | undefined {
  const toks = valueToks(complex);
  const pairs = new Map<string, string>();
  if (toks[0]?.kind !== "(" || toks.at(-1)?.kind !== ")") return undefined;
  for (let i = 1; i < toks.length - 1; i += 4) {
    const [k, eq, v, sep] = toks.slice(i, i + 4);
    if (k?.kind !== "word" || eq?.kind !== "=" || (v?.kind !== "word" && v?.kind !== "string"))
      return undefined;
    if (sep && sep.kind !== "," && sep.kind !== ")") return undefined;
    pairs.set(k.text, v.text);
  }
  const name = pairs.get("name");
  const value = pairs.get("value");
  return pairs.size === 2 && name !== undefined && value !== undefined
    ? { name, value }
    : undefined;
}

type NetField = Exclude<keyof ZonecfgNet, "properties" | "otherProps">;

const NET_KEYS: Record<string, NetField> = {
  address: "address",
  "allowed-address": "allowedAddress",
  physical: "physical",
  defrouter: "defrouter",
  "global-nic": "globalNic",
  "mac-addr": "macAddr",
  "vlan-id": "vlanId",
};

/**
 * A `net` resource (zonecfg names) → ZonecfgNet: known props in camelCase, `property` items as
 * `properties` (name → value), everything else raw in `otherProps`.
 */
export function toZonecfgNet(
  props: Record<string, string>,
  lists: Record<string, string[]> = {},
): ZonecfgNet {
  const net: ZonecfgNet = {};
  const other: Record<string, string> = {};
  for (const [key, value] of Object.entries(props)) {
    const field = NET_KEYS[key];
    if (field) net[field] = value;
    else other[key] = value;
  }
  const properties: Record<string, string> = {};
  const odd: string[] = [];
  for (const item of lists.property ?? []) {
    const nv = namedValue(item);
    if (nv && !(nv.name in properties)) properties[nv.name] = nv.value;
    else odd.push(item);
  }
  if (odd.length > 0) other.property = odd.join("\n");
  for (const [key, items] of Object.entries(lists))
    if (key !== "property") other[key] = items.join("\n");
  if (Object.keys(properties).length > 0) net.properties = properties;
  if (Object.keys(other).length > 0) net.otherProps = other;
  return net;
}

/**
 * Top-level properties that are aliases of an rctl (ZC `aliased_rctls`): `info` prints them as
 * `[max-lwps: N]` beside the `rctl` block they come from, `export` prints only the block.
 */
const RCTL_ALIASES: Record<string, string> = {
  "max-lwps": "zone.max-lwps",
  "max-processes": "zone.max-processes",
  "max-shm-memory": "zone.max-shm-memory",
  "max-shm-ids": "zone.max-shm-ids",
  "max-msg-ids": "zone.max-msg-ids",
  "max-sem-ids": "zone.max-sem-ids",
  "cpu-shares": "zone.cpu-shares",
  "zfs-io-priority": "zone.zfs-io-priority",
};

/** Resources in `zonecfg info` order: by type (unknown types last), then as printed. */
function infoOrder(resources: ZonecfgResource[]): ZonecfgResource[] {
  const rank = (r: ZonecfgResource) => {
    const i = (ZONECFG_INFO_ORDER as readonly string[]).indexOf(r.type);
    return r.raw !== undefined || i === -1 ? ZONECFG_INFO_ORDER.length : i;
  };
  return resources
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map((x) => x.r);
}

/**
 * Assemble the typed view from top-level props and resources (info and export parsers), in one
 * form whatever view it came from: resources in `info` order, and an rctl alias left out of
 * `props` when its rctl block is there (the block holds the value).
 */
export function assembleZonecfgInfo(
  zonename: string,
  top: Record<string, string>,
  resources: ZonecfgResource[],
): ZonecfgInfo {
  const { zonepath, brand, autoboot, "ip-type": ipType, zonename: _z, ...rest } = top;
  const rctls = new Set(resources.filter((r) => r.type === "rctl").map((r) => r.props.name));
  const props = Object.fromEntries(
    Object.entries(rest).filter(([k]) => !rctls.has(RCTL_ALIASES[k] ?? "\0")),
  );
  const ordered = infoOrder(resources);
  return {
    zonename,
    ...(zonepath ? { zonepath } : {}),
    ...(brand ? { brand } : {}),
    autoboot: autoboot === "true",
    ipType: ipType === "exclusive" ? "exclusive" : "shared",
    props,
    nets: ordered
      .filter((r) => r.type === "net" && r.raw === undefined)
      .map((r) => toZonecfgNet(r.props, r.lists)),
    resources: ordered.filter((r) => r.type !== "net" || r.raw !== undefined),
  };
}

/** Add one property value to a resource being read: list props append, others are set. */
export function putProp(r: ZonecfgResource, key: string, items: string[] | string): void {
  if (Array.isArray(items)) {
    if (items.length === 0) return; // `options: []`: no list, as in export (nothing to add)
    r.lists ??= {};
    r.lists[key] = [...(r.lists[key] ?? []), ...items];
    return;
  }
  const prev = r.props[key];
  r.props[key] = prev === undefined ? items : `${prev}\n${items}`;
}
