import { UnsafeValueError } from "./errors.js";

/** What zmgr writes into a zone's configuration. `nets` holds ONE entry per address. */
export interface ZoneConfigSpec {
  zonepath: string;
  brand: string;
  autoboot: boolean;
  ipType: "exclusive" | "shared";
  cappedMemory?: string;
  cpuShares?: number;
  fs: { dir: string; special: string; readonly: boolean }[];
  datasets: string[];
  attrs: { name: string; value: string }[];
  /** exclusive: physical = the VNIC; shared: physical = the stub (a link with IP in the global zone). */
  nets: { physical: string; address: string; defrouter?: string }[];
}

const ADDRESS_FIELDS = new Set(["address", "allowed-address", "defrouter"]);

/**
 * Why `value` cannot be written as zonecfg property `field` (e.g. "allowed-address"), or
 * undefined. zonecfg's quoted strings have no escapes, so `"`, a newline or any control character
 * cannot be written; nor can a comma in an address field (zonecfg accepts `a/p,a/p` in
 * allowed-address and the zone then breaks at boot). For validation before anything runs.
 */
export function checkZonecfgValue(field: string, value: string): string | undefined {
  if (value === "") return "is empty";
  if (value.includes('"')) return 'contains a double quote (")';
  if (/[\u0000-\u001f\u007f]/.test(value)) return "contains a newline or another control character";
  if (ADDRESS_FIELDS.has(field) && value.includes(",")) {
    return "contains a comma: one address per net resource";
  }
  return undefined;
}

/** A value as zonecfg's lexer reads it back unchanged: inside `"…"`. Throws UnsafeValueError. */
export function quoteZonecfgValue(field: string, value: string): string {
  const problem = checkZonecfgValue(field, value);
  if (problem !== undefined) throw new UnsafeValueError(field, value, problem);
  return `"${value}"`;
}

function set(field: string, value: string): string {
  return `set ${field}=${quoteZonecfgValue(field, value)}`;
}

/** zoneadmd keeps the addresses of one link, written `a/p,a/p,`, in 45 characters. */
export const ADDRESS_FIELD_LIMIT = 45;

/**
 * Problem text when the addresses of one link exceed zoneadmd's 45-character buffer
 * (DUALSTACK.md "Extra finding"), else undefined. Pass canonical (inet_ntop) forms.
 */
export function checkAddressFieldLength(addresses: string[]): string | undefined {
  const joined = addresses.map((a) => `${a},`).join("");
  if (joined.length <= ADDRESS_FIELD_LIMIT) return undefined;
  return `the addresses of one link, written "${joined}", take ${joined.length} characters; zoneadmd keeps at most ${ADDRESS_FIELD_LIMIT}`;
}

/**
 * The zonecfg command file for a new zone (SPEC §3.1 step 4, DUALSTACK.md): run with
 * `zonecfg -z NAME -f FILE`, which stops at the first error. Throws UnsafeValueError.
 */
export function buildZonecfgScript(spec: ZoneConfigSpec): string {
  const lines = [
    "create -b",
    set("zonepath", spec.zonepath),
    set("brand", spec.brand),
    set("autoboot", spec.autoboot ? "true" : "false"),
    set("ip-type", spec.ipType),
  ];
  if (spec.cappedMemory !== undefined) {
    lines.push("add capped-memory", set("physical", spec.cappedMemory), "end");
  }
  if (spec.cpuShares !== undefined) {
    if (!Number.isInteger(spec.cpuShares) || spec.cpuShares < 0) {
      throw new UnsafeValueError("cpu-shares", String(spec.cpuShares), "is not a whole number ≥ 0");
    }
    lines.push(set("cpu-shares", String(spec.cpuShares)));
  }
  for (const fs of spec.fs) {
    lines.push("add fs", set("dir", fs.dir), set("special", fs.special), set("type", "lofs"));
    if (fs.readonly) lines.push("add options [ro]");
    lines.push("end");
  }
  for (const dataset of spec.datasets) lines.push("add dataset", set("name", dataset), "end");
  for (const attr of spec.attrs) {
    lines.push(
      "add attr",
      set("name", attr.name),
      set("type", "string"),
      set("value", attr.value),
      "end",
    );
  }
  lines.push(...netResourceLines(spec.ipType, spec.nets));
  lines.push("verify", "commit");
  return `${lines.join("\n")}\n`;
}

/** `add net` … `end` for each address: one resource per address (SPEC §3.1). */
function netResourceLines(
  ipType: ZoneConfigSpec["ipType"],
  nets: ZoneConfigSpec["nets"],
): string[] {
  const lines: string[] = [];
  for (const net of nets) {
    lines.push("add net", set("physical", net.physical));
    if (ipType === "exclusive") {
      lines.push(set("allowed-address", net.address));
      if (net.defrouter !== undefined) lines.push(set("defrouter", net.defrouter));
    } else {
      lines.push(set("address", net.address));
      // route(8) without -inet6 cannot take an IPv6 router: shared-IP routers are IPv4 only.
      if (net.defrouter !== undefined && !net.address.includes(":"))
        lines.push(set("defrouter", net.defrouter));
    }
    lines.push("end");
  }
  return lines;
}

/** The `zonecfg -f` script of `zmgr net add`: the new net resources, then verify and commit. */
export function buildAddNetScript(
  ipType: ZoneConfigSpec["ipType"],
  nets: ZoneConfigSpec["nets"],
): string {
  return `${[...netResourceLines(ipType, nets), "verify", "commit"].join("\n")}\n`;
}

/**
 * The `zonecfg -f` script of `zmgr net remove`: one `remove net` per resource, named by physical
 * AND address (`physical=` alone matches both resources of a dual-stack net: "Insufficient
 * specification"). Exclusive IP: `allowed-address=`; shared IP: `address=`.
 */
export function buildRemoveNetScript(
  ipType: ZoneConfigSpec["ipType"],
  nets: { physical: string; address: string }[],
): string {
  const prop = ipType === "exclusive" ? "allowed-address" : "address";
  // A resource without an address (an imported zone's) is named by its physical alone.
  const lines = nets.map(
    (n) =>
      `remove net physical=${quoteZonecfgValue("physical", n.physical)}${n.address === "" ? "" : ` ${prop}=${quoteZonecfgValue(prop, n.address)}`}`,
  );
  return `${[...lines, "commit"].join("\n")}\n`;
}
