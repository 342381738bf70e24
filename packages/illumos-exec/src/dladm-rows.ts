import { LINK_FIELDS, PHYS_FIELDS, VNIC_FIELDS } from "./commands.js";
import { parseDladmParsable } from "./dladm-parse.js";
import type { LinkInfo, PhysInfo, VnicInfo } from "./types.js";

/** Typed rows of the parsable dladm queries IllumosHost runs (fields as in commands.ts). */
function rows<K extends string>(stdout: string, fields: readonly K[]): Record<K, string>[] {
  return parseDladmParsable(stdout, [...fields]).map(
    (r) => Object.fromEntries(fields.map((f) => [f, r[f] ?? ""])) as Record<K, string>,
  );
}

/** `dladm show-link -p -o link,class,over,state,mtu` */
export function parseShowLink(stdout: string): LinkInfo[] {
  return rows(stdout, LINK_FIELDS);
}

/** `dladm show-vnic -p -o link,over,macaddress,vid` */
export function parseShowVnic(stdout: string): VnicInfo[] {
  return rows(stdout, VNIC_FIELDS);
}

/** `dladm show-phys -p -o link,media,state,speed,duplex,device` */
export function parseShowPhys(stdout: string): PhysInfo[] {
  return rows(stdout, PHYS_FIELDS);
}

/** `dladm show-etherstub -p -o link` (one field: raw names). */
export function parseShowEtherstub(stdout: string): string[] {
  return rows(stdout, ["link"]).map((r) => r.link);
}
