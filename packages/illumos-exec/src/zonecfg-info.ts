import type { ZonecfgInfo, ZonecfgNet, ZonecfgResource } from "./types.js";

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

/** Resource types `zonecfg info` prints as `<type>:` blocks (illumos-gate + OmniOS, and older builds). */
export const ZONECFG_RESOURCE_TYPES = new Set<string>([...ZONECFG_INFO_ORDER, "inherit-pkg-dir"]);

const NET_KEYS: Record<string, keyof ZonecfgNet> = {
  address: "address",
  "allowed-address": "allowedAddress",
  physical: "physical",
  defrouter: "defrouter",
  "global-nic": "globalNic",
  "mac-addr": "macAddr",
  "vlan-id": "vlanId",
};

/** `net` resource props (zonecfg names) → ZonecfgNet (camelCase); unknown props are dropped. */
export function toZonecfgNet(props: Record<string, string>): ZonecfgNet {
  const net: ZonecfgNet = {};
  for (const [key, value] of Object.entries(props)) {
    const field = NET_KEYS[key];
    if (field) net[field] = value;
  }
  return net;
}

/** A `key: value` or `key not specified` line, brackets (`[swap: 2G]`) and quotes removed. */
function propLine(text: string): { key: string; value: string | undefined } | undefined {
  let t = text.trim();
  if (t.startsWith("[") && t.endsWith("]")) t = t.slice(1, -1).trim();
  const notSpec = /^(\S+) not specified$/.exec(t);
  if (notSpec) return { key: notSpec[1] ?? "", value: undefined };
  const colon = t.indexOf(":");
  if (colon <= 0) return undefined;
  let value = t.slice(colon + 1).trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  return { key: t.slice(0, colon).trim(), value };
}

/** Assemble the typed view from top-level props and resources (shared with the export parser). */
export function assembleZonecfgInfo(
  zonename: string,
  top: Record<string, string>,
  resources: ZonecfgResource[],
): ZonecfgInfo {
  const { zonepath, brand, autoboot, "ip-type": ipType, zonename: _z, ...props } = top;
  return {
    zonename,
    ...(zonepath ? { zonepath } : {}),
    ...(brand ? { brand } : {}),
    autoboot: autoboot === "true",
    ipType: ipType === "exclusive" ? "exclusive" : "shared",
    props,
    nets: resources.filter((r) => r.type === "net").map((r) => toZonecfgNet(r.props)),
    resources: resources.filter((r) => r.type !== "net"),
  };
}

/**
 * `zonecfg -z NAME info`. Top-level `key: value` lines (an empty value or `not specified` means
 * unset), then `<type>:` blocks whose property lines are indented by a TAB (or spaces, in pasted
 * docs). A property repeated inside one block (rctl `value`, net `property`) is joined with "\n".
 */
export function parseZonecfgInfo(stdout: string): ZonecfgInfo {
  const lines = stdout.split("\n").filter((l) => l.trim() !== "");
  const top: Record<string, string> = {};
  const resources: ZonecfgResource[] = [];
  let current: ZonecfgResource | undefined;
  lines.forEach((line, i) => {
    const indented = /^[ \t]/.test(line);
    if (indented && current) {
      const p = propLine(line);
      if (p?.value === undefined || p.value === "") return;
      const prev = current.props[p.key];
      current.props[p.key] = prev === undefined ? p.value : `${prev}\n${p.value}`;
      return;
    }
    const header = /^([a-z-]+):\s*$/.exec(line);
    const nextIndented = /^[ \t]/.test(lines[i + 1] ?? "");
    if (header && (ZONECFG_RESOURCE_TYPES.has(header[1] ?? "") || nextIndented)) {
      current = { type: header[1] ?? "", props: {} };
      resources.push(current);
      return;
    }
    current = undefined;
    const p = propLine(line);
    if (p?.value !== undefined && p.value !== "") top[p.key] = p.value;
  });
  return assembleZonecfgInfo(top.zonename ?? "", top, resources);
}

/** True when zonecfg's stderr says the zone does not exist (`NAME: No such zone configured`). */
export function isNoSuchZone(stderr: string, name?: string): boolean {
  return stderr
    .split("\n")
    .some(
      (l) =>
        /: No such zone configured\s*$/.test(l) &&
        (name === undefined || l.startsWith(`${name}: `) || l.includes(`: ${name}: `)),
    );
}
