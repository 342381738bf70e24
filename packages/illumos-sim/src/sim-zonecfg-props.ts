import { checkLinkName, ZONECFG_INFO_ORDER } from "@zmgr/illumos-exec";
import { NET_ATTRS } from "@zmgr/illumos-exec/testing";
import { familyOf } from "@zmgr/ipam";
import type { SimFlavour } from "./sim-model.js";

export const GLOBAL_PROPS = [
  "zonepath",
  "brand",
  "autoboot",
  "bootargs",
  "pool",
  "limitpriv",
  "scheduling-class",
  "ip-type",
  "hostid",
  "fs-allowed",
] as const;

/** Aliased rctls, in `info` order, with the action zonecfg gives them. */
export function aliasedRctls(
  flavour: SimFlavour,
): { prop: string; rctl: string; action: string }[] {
  const list = [
    { prop: "max-lwps", rctl: "zone.max-lwps", action: "deny" },
    { prop: "max-processes", rctl: "zone.max-processes", action: "deny" },
    { prop: "max-shm-memory", rctl: "zone.max-shm-memory", action: "deny" },
    { prop: "max-shm-ids", rctl: "zone.max-shm-ids", action: "deny" },
    { prop: "max-msg-ids", rctl: "zone.max-msg-ids", action: "deny" },
    { prop: "max-sem-ids", rctl: "zone.max-sem-ids", action: "deny" },
    { prop: "cpu-shares", rctl: "zone.cpu-shares", action: "none" },
  ];
  if (flavour === "omnios")
    list.push({ prop: "zfs-io-priority", rctl: "zone.zfs-io-priority", action: "none" });
  return list;
}

/** Simple and list properties per resource type. */
export function resourceProps(
  rt: string,
  flavour: SimFlavour,
): { simple: string[]; lists: string[] } | undefined {
  const omni = flavour === "omnios";
  switch (rt) {
    case "net":
      return omni
        ? { simple: [...NET_ATTRS], lists: ["property"] }
        : { simple: ["address", "allowed-address", "physical", "defrouter"], lists: [] };
    case "fs":
      return { simple: ["dir", "special", "raw", "type"], lists: ["options"] };
    case "dataset":
      return { simple: ["name"], lists: [] };
    case "attr":
      return { simple: ["name", "type", "value"], lists: [] };
    case "capped-memory":
      return { simple: ["physical", "swap", "locked"], lists: [] };
    case "capped-cpu":
      return { simple: ["ncpus"], lists: [] };
    case "dedicated-cpu":
      return { simple: ["ncpus", "importance"], lists: [] };
    case "device":
      return { simple: ["match"], lists: omni ? ["property"] : [] };
    case "rctl":
      return { simple: ["name"], lists: ["value"] };
    case "admin":
      return { simple: ["user", "auths"], lists: [] };
    case "security-flags":
      return { simple: ["default", "lower", "upper"], lists: [] };
    default:
      return undefined;
  }
}

/** Resource types that exist at most once. */
export const SINGLETONS = new Set([
  "capped-memory",
  "capped-cpu",
  "dedicated-cpu",
  "security-flags",
]);
/** Required properties checked by `end`. */
export const REQUIRED: Record<string, string[]> = {
  net: ["physical"],
  fs: ["dir", "special", "type"],
  dataset: ["name"],
  attr: ["name", "type", "value"],
  device: ["match"],
  rctl: ["name"],
  admin: ["user", "auths"],
};
/** `info` order of resource blocks (ZC `info_func`): the one list the parser reads too. */
export const INFO_ORDER: readonly string[] = ZONECFG_INFO_ORDER;
/** `export` order of resource blocks (ZC `export_func`). */
export const EXPORT_ORDER = [
  "fs",
  "net",
  "device",
  "capped-memory",
  "rctl",
  "attr",
  "dataset",
  "dedicated-cpu",
  "capped-cpu",
  "admin",
  "security-flags",
];

export const BRANDS = new Set([
  "ipkg",
  "lipkg",
  "nlipkg",
  "sparse",
  "pkgsrc",
  "lx",
  "illumos",
  "bhyve",
  "kvm",
  "emu",
]);

/**
 * `validate_net_address_syntax` (DUALSTACK C1): returns the error text, or undefined. Only the
 * part before the first `/` is parsed, so `10.1.0.5/24,2001:db8::5/64` passes (the known trap).
 */
export function checkNetAddress(
  value: string,
  isHost: boolean,
): { error?: string; warning?: string } {
  const slash = value.indexOf("/");
  const addr = slash < 0 ? value : value.slice(0, slash);
  const warning =
    isHost && slash >= 0
      ? `prefix length in ${value} is not required and will be ignored`
      : undefined;
  const w = warning !== undefined ? { warning } : {};
  // the address syntax is ipam's (the one check in zmgr); inet_pton reads no zone ids either
  const family = familyOf(addr);
  if (family === 4) return w;
  if (family === 6) {
    if (!isHost && slash < 0)
      return { error: `${value}: IPv6 addresses require /prefix-length suffix.` };
    return w;
  }
  if (/^[A-Za-z0-9.-]+$/.test(addr) && /[A-Za-z]/.test(addr)) return w;
  return { error: `${value}: bogus host name or network address syntax` };
}

/** `physical` of an exclusive-IP zone must be a valid datalink name. */
export function checkPhysical(value: string): string | undefined {
  if (value.includes(":"))
    return `${value}: physical interface name required; logical interface name not allowed`;
  if (checkLinkName(value) !== undefined) return `${value}: invalid physical interface name`;
  return undefined;
}

/** `zonecfg_same_net_address`: whole strings, or the address part when one side has no prefix. */
export function sameNetAddress(a: string, b: string): boolean {
  if (a === b) return true;
  const sa = a.includes("/");
  const sb = b.includes("/");
  if (sa === sb) return false;
  return a.split("/")[0] === b.split("/")[0];
}
