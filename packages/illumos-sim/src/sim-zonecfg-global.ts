import type { Tok } from "@zmgr/illumos-exec";
import { aliasedRctls, BRANDS, GLOBAL_PROPS, resourceProps } from "./sim-zonecfg-props.js";
import { cloneConfig, type ZonecfgSession } from "./sim-zonecfg-session.js";
import type { Value } from "./sim-zonecfg-value.js";

// Global-scope zonecfg commands that change the zone itself: create, set, clear, delete.

const ALL_RT = [
  "net",
  "fs",
  "dataset",
  "attr",
  "capped-memory",
  "capped-cpu",
  "dedicated-cpu",
  "device",
  "rctl",
  "admin",
  "security-flags",
];

export function create(s: ZonecfgSession, rest: Tok[]) {
  const words = rest.map((t) => t.text);
  const force = words.includes("-F");
  const z = s.existing();
  if (z) {
    if (s.installed()) return s.zerr(`Zone ${s.zone} already installed; create not allowed.`);
    if (!force) {
      s.zerr(
        "Zone exists, input not from terminal and -F not specified:\ncreate command ignored, exiting.",
      );
      s.exitNow = true;
      return;
    }
    s.ctx.out.out(`Zone ${s.zone} already exists; overwriting.`);
  }
  const ti = words.indexOf("-t");
  const ai = words.indexOf("-a");
  let handle = s.blank();
  if (ai >= 0)
    return s.zerr(
      `${words[ai + 1] ?? ""}: attaching a detached zonepath is not supported by the zmgr simulator`,
    );
  if (ti >= 0) {
    const t = words[ti + 1] ?? "";
    const src = s.ctx.state.zones.find((x) => x.name === t);
    if (src) handle = { ...cloneConfig(src), zonepath: "" };
    else if (BRANDS.has(t)) handle.brand = t;
    else if (t !== "SUNWdefault" && t !== "SUNWblank")
      return s.zerr(`${t}: No such zone configured`);
  }
  s.handle = handle;
  s.isNew = !z;
  s.dirty = true;
}

export function setGlobal(s: ZonecfgSession, prop: string, value: Value) {
  const h = s.handle;
  if (!h) return;
  if (value.kind !== "simple") return s.syntax("[");
  const v = value.text;
  const alias = aliasedRctls(s.flavour).find((a) => a.prop === prop);
  if (alias) {
    if (!/^[0-9]+[KMGT]?$/.test(v)) return s.zerr(`${v}: invalid value for ${prop}`);
    h.resources = h.resources.filter((r) => !(r.type === "rctl" && r.props.name === alias.rctl));
    h.resources.push({
      type: "rctl",
      props: { name: alias.rctl },
      lists: { value: [`(priv=privileged,limit=${v},action=${alias.action})`] },
    });
    s.dirty = true;
    return;
  }
  if (!(GLOBAL_PROPS as readonly string[]).includes(prop)) {
    const resourceProp = ALL_RT.some((rt) => resourceProps(rt, s.flavour)?.simple.includes(prop));
    return resourceProp
      ? s.zerr("Cannot set a resource-specific property from the global scope.")
      : s.syntax(prop);
  }
  switch (prop) {
    case "zonepath":
      if (s.installed())
        return s.zerr(`Zone ${s.zone} already installed; set zonepath not allowed.`);
      if (!v.startsWith("/")) return s.zerr(`${v} is not an absolute path.`);
      if (v === "/") return s.zerr("/ is not allowed as a zonepath.");
      h.zonepath = v;
      break;
    case "brand":
      if (s.installed()) return s.zerr(`Zone ${s.zone} already installed; set brand not allowed.`);
      if (!BRANDS.has(v)) return s.zerr(`${v}: unknown brand.`);
      h.brand = v;
      break;
    case "autoboot":
      if (v !== "true" && v !== "false") return s.zerr("autoboot value must be 'true' or 'false'.");
      h.autoboot = v === "true";
      break;
    case "ip-type":
      if (v !== "shared" && v !== "exclusive")
        return s.zerr("ip-type value must be 'shared' or 'exclusive'.");
      h.ipType = v;
      break;
    default:
      h.props[prop] = v;
  }
  s.dirty = true;
}

export function clearGlobal(s: ZonecfgSession, prop: string) {
  const h = s.handle;
  if (!h) return;
  const alias = aliasedRctls(s.flavour).find((a) => a.prop === prop);
  if (alias)
    h.resources = h.resources.filter((r) => !(r.type === "rctl" && r.props.name === alias.rctl));
  else if (prop === "autoboot") h.autoboot = false;
  else if (prop in h.props) delete h.props[prop];
  else if (prop !== "ip-type") return s.zerr(`${prop}: cannot be cleared`);
  s.dirty = true;
}

export function deleteZone(s: ZonecfgSession, force: boolean) {
  const z = s.existing();
  if (!z) return s.zerr(`${s.zone}: No such zone configured`);
  if (!force) {
    if (s.installed() || z.state === "incomplete")
      return s.zerr(
        `Zone ${s.zone} not in configured state; delete not allowed.  Use -F to force delete.`,
      );
    s.zerr("Input not from terminal and -F not specified:\ndelete command ignored, exiting.");
    s.exitNow = true;
    return;
  }
  if (s.running()) return s.zerr(`${s.zone}: Zone state is invalid for the requested operation`);
  const zones = s.ctx.state.zones;
  zones.splice(zones.indexOf(z), 1);
  if (s.ctx.state.zoneFiles) delete s.ctx.state.zoneFiles[`${s.zone}.xml`];
  s.handle = undefined;
  s.dirty = false;
}
