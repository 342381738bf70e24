/** illumos name rules, pure: shared by the wrappers, the simulator and @zmgr/validate. */

const ZONE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** dladm_valid_linkname: no leading digit, [A-Za-z0-9_.], ends in a number without a leading zero. */
const LINK_NAME = /^[A-Za-z_.]([A-Za-z0-9_.]*[A-Za-z_.])?(0|[1-9][0-9]*)$/;
export const MAX_ZONE_NAME = 63;
export const MAX_LINK_NAME = 31;
const MAX_LINK_NUMBER = 4294967294n;

/** zonecfg_validate_zonename plus zoneadm's SUNW rule. Returns a problem or undefined. */
export function checkZoneName(name: string): string | undefined {
  const syntax = checkZoneNameSyntax(name);
  if (syntax !== undefined) return syntax;
  if (name === "global") return `"global" is the name of the global zone and cannot be used`;
  if (name.startsWith("SUNW"))
    return `zone name "${name}" starts with "SUNW", which illumos reserves`;
  return undefined;
}

/**
 * The zone name's length and characters only, as `zonecfg -z` checks them; `checkZoneName` adds
 * the reserved names (`global`, `SUNW*`) that zoneadm refuses.
 */
export function checkZoneNameSyntax(name: string): string | undefined {
  if (name === "") return "a zone name cannot be empty";
  if (name.length > MAX_ZONE_NAME) {
    return `zone name "${name}" is ${name.length} characters long; illumos allows at most ${MAX_ZONE_NAME}`;
  }
  if (!ZONE_NAME.test(name)) {
    return `zone name "${name}" must start with a letter or digit and contain only letters, digits, "_", "." and "-"`;
  }
  return undefined;
}

/** dladm datalink (VNIC, etherstub) name rules. Returns a problem or undefined. */
export function checkLinkName(name: string): string | undefined {
  if (name === "") return "a link name cannot be empty";
  if (name.length > MAX_LINK_NAME) {
    return `link name "${name}" is ${name.length} characters long; dladm allows at most ${MAX_LINK_NAME}`;
  }
  if (/[^A-Za-z0-9_.]/.test(name)) {
    return `link name "${name}" may contain only letters, digits, "_" and "."`;
  }
  if (/^[0-9]/.test(name)) return `link name "${name}" must not start with a digit`;
  const match = LINK_NAME.exec(name);
  if (!match) {
    return `link name "${name}" must end in a number without a leading zero (e.g. vnic0, vnic10)`;
  }
  if (BigInt(match[2] ?? "0") > MAX_LINK_NUMBER) {
    return `link name "${name}" ends in a number larger than ${MAX_LINK_NUMBER}`;
  }
  return undefined;
}

/**
 * The zone name as the start of a link name: characters outside [A-Za-z0-9_.] become "_", a
 * leading digit gets a "z" prefix, a trailing digit a "_" suffix (`web0` → `web0_`).
 */
export function linkSafeZoneName(zone: string): string {
  let safe = zone.replace(/[^A-Za-z0-9_.]/g, "_");
  if (/^[0-9]/.test(safe)) safe = `z${safe}`;
  if (/[0-9]$/.test(safe)) safe = `${safe}_`;
  return safe;
}

export const DEFAULT_VNIC_PATTERN = "{zone}{index}";

/**
 * The VNIC name of a zone's net number `index` (SPEC §1 "VNIC names"): `pattern` with `{zone}`
 * (link-safe, cut so the whole name fits 31 characters) and `{index}` filled in.
 * `web0` → `web0_0`, `serv-backup` → `serv_backup0`, `{zone}pub{index}` → `webpub1`.
 * A custom pattern can still give an invalid name: check the result with checkLinkName.
 */
export function defaultVnicName(
  zone: string,
  index: number,
  pattern = DEFAULT_VNIC_PATTERN,
): string {
  const fixed = pattern.replaceAll("{index}", String(index));
  const zoneSlots = fixed.split("{zone}").length - 1;
  let safe = linkSafeZoneName(zone);
  if (zoneSlots > 0) {
    const room = Math.floor(
      (MAX_LINK_NAME - (fixed.length - zoneSlots * "{zone}".length)) / zoneSlots,
    );
    if (safe.length > room) {
      safe = safe.slice(0, Math.max(room, 1));
      // Cutting may expose a digit; it would merge with the index (web0 + 0 = web00).
      if (/[0-9]$/.test(safe)) safe = `${safe.slice(0, -1)}_`;
    }
  }
  return fixed.replaceAll("{zone}", safe);
}
