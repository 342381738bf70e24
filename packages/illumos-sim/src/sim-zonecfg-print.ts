import type { SimFlavour, SimResource, SimZoneConfig } from "./sim-model.js";
import { aliasedRctls, EXPORT_ORDER, INFO_ORDER } from "./sim-zonecfg-props.js";

/** `quoteit`: a value with a space is wrapped in double quotes. */
function quoteit(v: string): string {
  return v.includes(" ") ? `"${v}"` : v;
}

function prop(name: string, value: string | undefined): string {
  return value === undefined || value === ""
    ? `\t${name} not specified`
    : `\t${name}: ${quoteit(value)}`;
}

const NET_INFO: Record<SimFlavour, string[]> = {
  illumos: ["address", "allowed-address", "physical", "defrouter"],
  omnios: [
    "address",
    "allowed-address",
    "defrouter",
    "global-nic",
    "mac-addr",
    "physical",
    "vlan-id",
  ],
};
const NET_EXPORT: Record<SimFlavour, string[]> = {
  illumos: ["address", "allowed-address", "physical", "defrouter"],
  omnios: [
    "address",
    "allowed-address",
    "physical",
    "mac-addr",
    "vlan-id",
    "global-nic",
    "defrouter",
  ],
};

/** The `<rt>:` block of one resource (ZC-O `output_*`). */
export function resourceBlock(r: SimResource, flavour: SimFlavour): string[] {
  const p = r.props;
  const lines = [`${r.type}:`];
  const simple = (names: string[]) => {
    for (const n of names) lines.push(prop(n, p[n]));
  };
  const optional = (names: string[], bracket: boolean) => {
    for (const n of names)
      if (p[n] !== undefined && p[n] !== "")
        lines.push(bracket ? `\t[${n}: ${p[n]}]` : `\t${n}: ${p[n]}`);
  };
  const property = () => {
    for (const v of r.lists?.property ?? []) lines.push(`\tproperty: ${v}`);
  };
  switch (r.type) {
    case "fs": {
      simple(["dir", "special", "raw", "type"]);
      const opts = (r.lists?.options ?? []).map((o) => (o.includes("=") ? `"${o}"` : o));
      lines.push(`\toptions: [${opts.join(",")}]`);
      break;
    }
    case "net":
      simple(NET_INFO[flavour]);
      property();
      break;
    case "device":
      simple(["match"]);
      property();
      break;
    case "dedicated-cpu":
      optional(["ncpus", "importance"], false);
      break;
    case "capped-cpu":
      if (p.ncpus !== undefined) lines.push(`\t[ncpus: ${Number(p.ncpus).toFixed(2)}]`);
      break;
    case "capped-memory":
      optional(["physical"], false);
      optional(["swap", "locked"], true);
      break;
    case "attr":
      simple(["name", "type", "value"]);
      break;
    case "dataset":
      simple(["name"]);
      break;
    case "admin":
      simple(["user", "auths"]);
      break;
    case "rctl":
      simple(["name"]);
      for (const v of r.lists?.value ?? []) lines.push(`\tvalue: ${v}`);
      break;
    case "security-flags":
      simple(["default", "lower", "upper"]);
      break;
  }
  return lines;
}

/** The limit of an aliased rctl's privileged value, if the zone has one. */
export function aliasValue(cfg: SimZoneConfig, rctl: string): string | undefined {
  const r = cfg.resources.find((x) => x.type === "rctl" && x.props.name === rctl);
  const v = r?.lists?.value?.[0];
  return v ? /limit=([^,)]+)/.exec(v)?.[1] : undefined;
}

/** Top-level lines of `info`, in ZC order: raw values, `name: ` when empty. */
export function topLevelInfo(
  name: string,
  cfg: SimZoneConfig,
  flavour: SimFlavour,
): Map<string, string> {
  const m = new Map<string, string>();
  m.set("zonename", `zonename: ${name}`);
  m.set("zonepath", cfg.zonepath ? `zonepath: ${cfg.zonepath}` : "zonepath not specified");
  m.set("brand", cfg.brand ? `brand: ${cfg.brand}` : "brand not specified");
  m.set("autoboot", `autoboot: ${cfg.autoboot}`);
  for (const k of ["bootargs", "pool", "limitpriv", "scheduling-class"])
    m.set(k, `${k}: ${cfg.props[k] ?? ""}`);
  m.set("ip-type", `ip-type: ${cfg.ipType}`);
  for (const k of ["hostid", "fs-allowed"]) m.set(k, `${k}: ${cfg.props[k] ?? ""}`);
  for (const a of aliasedRctls(flavour)) {
    const v = aliasValue(cfg, a.rctl);
    if (v !== undefined) m.set(a.prop, `[${a.prop}: ${v}]`);
  }
  return m;
}

/** Full `zonecfg -z NAME info`. */
export function infoText(name: string, cfg: SimZoneConfig, flavour: SimFlavour): string {
  const lines = [...topLevelInfo(name, cfg, flavour).values()];
  for (const rt of INFO_ORDER)
    for (const r of cfg.resources) if (r.type === rt) lines.push(...resourceBlock(r, flavour));
  return `${lines.join("\n")}\n`;
}

/** `zonecfg -z NAME export` (ZC `export_func`): every resource value quoted. */
export function exportText(cfg: SimZoneConfig, flavour: SimFlavour): string {
  const l = ["create -b"];
  if (cfg.zonepath) l.push(`set zonepath=${cfg.zonepath}`);
  if (cfg.brand && cfg.brand !== "native") l.push(`set brand=${cfg.brand}`);
  l.push(`set autoboot=${cfg.autoboot}`);
  for (const k of ["bootargs", "pool", "limitpriv", "scheduling-class"])
    if (cfg.props[k]) l.push(`set ${k}=${cfg.props[k]}`);
  l.push(`set ip-type=${cfg.ipType}`);
  for (const k of ["hostid", "fs-allowed"]) if (cfg.props[k]) l.push(`set ${k}=${cfg.props[k]}`);
  const q = (r: SimResource, names: string[]) => {
    for (const n of names) if (r.props[n]) l.push(`set ${n}="${r.props[n]}"`);
  };
  const raw = (r: SimResource, names: string[]) => {
    for (const n of names) if (r.props[n]) l.push(`set ${n}=${r.props[n]}`);
  };
  for (const rt of EXPORT_ORDER)
    for (const r of cfg.resources) {
      if (r.type !== rt) continue;
      l.push(`add ${rt}`);
      if (rt === "fs") {
        q(r, ["dir", "special", "raw", "type"]);
        for (const o of r.lists?.options ?? [])
          l.push(`add options ${o.includes("=") ? `"${o}"` : o}`);
      } else if (rt === "net") q(r, NET_EXPORT[flavour]);
      else if (rt === "device") q(r, ["match"]);
      else if (rt === "capped-memory") raw(r, ["physical", "swap", "locked"]);
      else if (rt === "rctl") q(r, ["name"]);
      else if (rt === "attr") q(r, ["name", "type", "value"]);
      else if (rt === "dataset") q(r, ["name"]);
      else if (rt === "dedicated-cpu") raw(r, ["ncpus", "importance"]);
      else if (rt === "capped-cpu" && r.props.ncpus)
        l.push(`set ncpus=${Number(r.props.ncpus).toFixed(2)}`); // ZC export_func: "%.2f", as info
      else if (rt === "admin") q(r, ["user", "auths"]);
      else if (rt === "security-flags") q(r, ["default", "lower", "upper"]);
      for (const v of r.lists?.property ?? []) l.push(`add property ${v}`);
      for (const v of r.lists?.value ?? []) l.push(`add value ${v}`);
      l.push("end");
    }
  return `${l.join("\n")}\n`;
}
