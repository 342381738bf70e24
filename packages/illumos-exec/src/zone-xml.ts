import type { ZonecfgInfo, ZonecfgResource } from "./types.js";
import { parseXmlElements, type XmlElement } from "./zone-xml-read.js";
import { assembleZonecfgInfo, ZONECFG_INFO_ORDER } from "./zonecfg-assemble.js";
import { bytesToUnits, parseByteCount } from "./zonecfg-units.js";

/**
 * THE mapping from `<zonepath>.xml` (DTD zonecfg.dtd.1) to the value `parseZonecfgInfo` gives for
 * `zonecfg -z NAME info` of the same zone. One row per element; an attribute that is absent or
 * empty is a property that is not set (info prints `not specified` / an empty value, which the
 * info parser drops). Adapting the typed value later means changing this table only.
 *
 * | XML                                              | ZonecfgInfo                                          |
 * |--------------------------------------------------|------------------------------------------------------|
 * | `<zone name zonepath brand autoboot>`            | zonename, zonepath, brand, autoboot (`true` only)    |
 * | `<zone ip-type>`                                 | ipType; absent → `shared` (libzonecfg's default)     |
 * | `<zone bootargs pool limitpriv scheduling-class hostid fs-allowed>` | `props` under the same names    |
 * | `<network address allowed-address physical defrouter global-nic mac-addr vlan-id>` | one `nets` entry, only the attributes present |
 * | `<network><net-attr name value>`                 | the net's `properties` {name: value} (lx `ips`, …)  |
 * | `<filesystem directory special raw type><fsoption name>` | `fs` {dir, special, raw, type}, `lists.options` [a, b] |
 * | `<inherited-pkg-dir directory>`                  | `inherit-pkg-dir` {dir}                              |
 * | `<device match><net-attr name value>`            | `device` {match}, `lists.property` [`(name=N,value="V")`, …] |
 * | `<pset ncpu_min ncpu_max>` + `<tmp_pool importance>` | `dedicated-cpu` {ncpus: `min` or `min-max`, importance} |
 * | `<rctl name="zone.cpu-cap">` (one privileged value) | also `capped-cpu` {ncpus: limit / 100, two decimals} |
 * | `<mcap physcap>` or `<rctl name="zone.max-physical-memory">` | `capped-memory` {physical}, bytes printed as info does (`bytesToUnits`: 268435456 → `256M`) |
 * | `<rctl name="zone.max-swap">` / `"zone.max-locked-memory"` | `capped-memory` {swap} / {locked}, same units     |
 * | `<attr name type value>`                         | `attr` {name, type, value}                           |
 * | `<dataset name>`                                 | `dataset` {name}                                     |
 * | `<admin user auths>`                             | `admin` {user, auths}                                |
 * | `<rctl name><rctl-value priv limit action>`      | `rctl` {name}, `lists.value` [`(priv=P,limit=L,action=A)`, …] (every rctl, aliased ones too) |
 * | `<rctl>` of an alias (`zone.max-lwps`, …)        | no `props[alias]`: the typed value keeps the rctl block alone (`assembleZonecfgInfo`) |
 * | `<security-flags default lower upper>`           | `security-flags` {default, lower, upper}             |
 * | anything else (`package`, `patch`, `dev-perm`, `deleted-device`, comments, SmartOS `<zone debugid uuid>`) | ignored, as info shows none of it |
 *
 * Resources come out in info's block order (ZONECFG_INFO_ORDER), document order within a type.
 */
const ZONE_PROPS = ["bootargs", "pool", "limitpriv", "scheduling-class", "hostid", "fs-allowed"];
/** The simple properties of a `net` resource (illumos-omnios), as its XML attributes name them. */
export const NET_ATTRS = [
  "address",
  "allowed-address",
  "physical",
  "defrouter",
  "global-nic",
  "mac-addr",
  "vlan-id",
];

const MEMORY_RCTLS: Record<string, string> = {
  "zone.max-physical-memory": "physical",
  "zone.max-swap": "swap",
  "zone.max-locked-memory": "locked",
};

/** Only the attributes that are set, renamed (`directory` → `dir`). */
function pick(el: XmlElement, names: Record<string, string> | string[]): Record<string, string> {
  const pairs = Array.isArray(names) ? names.map((n) => [n, n] as const) : Object.entries(names);
  const out: Record<string, string> = {};
  for (const [from, to] of pairs) {
    const v = el.attrs[from];
    if (v !== undefined && v !== "") out[to] = v;
  }
  return out;
}

/** A list property as the info parser gives it: one item per value; none → no list. */
function listOf(key: string, values: string[]): Pick<ZonecfgResource, "lists"> {
  return values.length > 0 ? { lists: { [key]: values } } : {};
}

/** `<net-attr name value>` children as info's `property` items: `(name=N,value="V")`. */
function netAttrs(el: XmlElement): string[] {
  return el.children
    .filter((c) => c.name === "net-attr")
    .map((c) => `(name=${c.attrs.name ?? ""},value="${c.attrs.value ?? ""}")`);
}

/** The one privileged value of an rctl, as the alias/capped-* lines need it. */
function soleValue(rctl: XmlElement): { limit: string; action: string } | undefined {
  const values = rctl.children.filter((c) => c.name === "rctl-value");
  const v = values[0];
  if (values.length !== 1 || v?.attrs.priv !== "privileged") return undefined;
  return { limit: v.attrs.limit ?? "", action: v.attrs.action ?? "" };
}

function units(limit: string | undefined): string | undefined {
  const n = parseByteCount(limit);
  return n === undefined ? limit : bytesToUnits(n);
}

/** Map a parsed `<zone>` element to the `zonecfg info` value (see the table above). */
export function zoneInfoFromElement(zone: XmlElement): ZonecfgInfo {
  if (zone.name !== "zone") throw new Error(`the root element is <${zone.name}>, not <zone>`);
  const top: Record<string, string> = pick(zone, {
    name: "zonename",
    zonepath: "zonepath",
    brand: "brand",
    autoboot: "autoboot",
    "ip-type": "ip-type",
  });
  Object.assign(top, pick(zone, ZONE_PROPS));
  const out: ZonecfgResource[] = [];
  const memory: Record<string, string> = {};
  let pset: XmlElement | undefined;
  let importance: string | undefined;
  let capped: string | undefined;
  for (const el of zone.children) {
    const attrs = el.children;
    switch (el.name) {
      case "network":
        out.push({ type: "net", props: pick(el, NET_ATTRS), ...listOf("property", netAttrs(el)) });
        break;
      case "filesystem": {
        const opts = attrs.filter((c) => c.name === "fsoption").map((c) => c.attrs.name ?? "");
        const props = pick(el, { directory: "dir", special: "special", raw: "raw", type: "type" });
        out.push({ type: "fs", props, ...listOf("options", opts) });
        break;
      }
      case "inherited-pkg-dir":
        out.push({ type: "inherit-pkg-dir", props: pick(el, { directory: "dir" }) });
        break;
      case "device": {
        out.push({
          type: "device",
          props: pick(el, ["match"]),
          ...listOf("property", netAttrs(el)),
        });
        break;
      }
      case "attr":
        out.push({ type: "attr", props: pick(el, ["name", "type", "value"]) });
        break;
      case "dataset":
        out.push({ type: "dataset", props: pick(el, ["name"]) });
        break;
      case "admin":
        out.push({ type: "admin", props: pick(el, ["user", "auths"]) });
        break;
      case "security-flags":
        out.push({ type: "security-flags", props: pick(el, ["default", "lower", "upper"]) });
        break;
      case "mcap":
        if (el.attrs.physcap) memory.physical = units(el.attrs.physcap) ?? "";
        break;
      case "pset":
        pset = el;
        break;
      case "tmp_pool":
        importance = el.attrs.importance;
        break;
      case "rctl": {
        const name = el.attrs.name ?? "";
        const values = attrs
          .filter((c) => c.name === "rctl-value")
          .map((c) => `(priv=${c.attrs.priv},limit=${c.attrs.limit},action=${c.attrs.action})`);
        out.push({ type: "rctl", props: pick(el, ["name"]), ...listOf("value", values) });
        const sole = soleValue(el);
        const mem = MEMORY_RCTLS[name];
        if (sole && mem) memory[mem] = units(sole.limit) ?? "";
        if (sole && name === "zone.cpu-cap") capped = (Number(sole.limit) / 100).toFixed(2);
        break;
      }
    }
  }
  if (pset) {
    const { ncpu_min: min, ncpu_max: max } = pset.attrs;
    const ncpus = min === max ? min : `${min}-${max}`;
    out.push({
      type: "dedicated-cpu",
      props: { ...(ncpus ? { ncpus } : {}), ...(importance ? { importance } : {}) },
    });
  }
  if (capped !== undefined) out.push({ type: "capped-cpu", props: { ncpus: capped } });
  if (Object.keys(memory).length > 0) out.push({ type: "capped-memory", props: memory });
  const order = (t: string) => (ZONECFG_INFO_ORDER as readonly string[]).indexOf(t);
  const sorted = out
    .map((r, i) => ({ r, i }))
    .sort((a, b) => order(a.r.type) - order(b.r.type) || a.i - b.i)
    .map(({ r }) => r);
  return assembleZonecfgInfo(top.zonename ?? "", top, sorted);
}

/** Parse one zone configuration file into the `zonecfg info` value. Throws when it is not one. */
export function parseZoneXml(text: string): ZonecfgInfo {
  return zoneInfoFromElement(parseXmlElements(text));
}
