import { UnsafeValueError } from "./errors.js";
import type { Command } from "./types.js";

/** The `-o` fields each dladm wrapper asks for (parsable mode). */
export const LINK_FIELDS = ["link", "class", "over", "state", "mtu"] as const;
export const VNIC_FIELDS = ["link", "over", "macaddress", "vid"] as const;
export const PHYS_FIELDS = ["link", "media", "state", "speed", "duplex", "device"] as const;

export interface InstallOptions {
  /** The first IPS publisher, given to the ipkg installer as `-P name=origin`. */
  publisher?: { name: string; origin: string };
  /** Extra brand install arguments (e.g. `-s <image>` for lx). */
  args?: string[];
}

/**
 * A zone, link or publisher name for an argv. No valid name starts with "-", and where the name
 * is an operand (`dladm create-vnic -l net0 -t`) getopt would take it as an option: such names,
 * and empty ones, are refused with UnsafeValueError before anything runs.
 */
export function operand(field: string, value: string): string {
  if (value === "") throw new UnsafeValueError(field, value, "is empty");
  if (value.startsWith("-"))
    throw new UnsafeValueError(field, value, 'starts with "-" and would be read as an option');
  return value;
}

/** A host directory for an argv: absolute, no `..` (SPEC §5 directory fields). */
function absoluteDir(field: string, dir: string): string {
  if (!dir.startsWith("/")) throw new UnsafeValueError(field, dir, "is not an absolute path");
  if (dir.split("/").includes("..")) throw new UnsafeValueError(field, dir, 'contains ".."');
  return dir;
}

const z = (zone: string) => operand("zone name", zone);
const l = (link: string) => operand("link name", link);
const zoneadm = (args: string[]): Command => ({ file: "zoneadm", args });
const zonecfg = (args: string[]): Command => ({ file: "zonecfg", args });
const dladm = (args: string[]): Command => ({ file: "dladm", args });

/**
 * The exact argv of every system command zmgr runs, as data: IllumosHost runs them, and plans
 * show them in `--dry-run` (see describePlan).
 */
export const illumosCommands = {
  listZones: (): Command => zoneadm(["list", "-cp"]),
  zoneStatus: (zone: string): Command => zoneadm(["-z", z(zone), "list", "-p"]),
  install: (zone: string, options: InstallOptions = {}): Command =>
    zoneadm([
      "-z",
      z(zone),
      "install",
      ...(options.publisher ? ["-P", `${options.publisher.name}=${options.publisher.origin}`] : []),
      ...(options.args ?? []),
    ]),
  clone: (zone: string, source: string): Command =>
    zoneadm(["-z", z(zone), "clone", operand("source zone name", source)]),
  boot: (zone: string): Command => zoneadm(["-z", z(zone), "boot"]),
  halt: (zone: string): Command => zoneadm(["-z", z(zone), "halt"]),
  shutdown: (zone: string): Command => zoneadm(["-z", z(zone), "shutdown"]),
  reboot: (zone: string): Command => zoneadm(["-z", z(zone), "reboot"]),
  uninstall: (zone: string): Command => zoneadm(["-z", z(zone), "uninstall", "-F"]),
  zonecfgApply: (zone: string, file: string): Command => zonecfg(["-z", z(zone), "-f", file]),
  zonecfgInfo: (zone: string): Command => zonecfg(["-z", z(zone), "info"]),
  zonecfgExport: (zone: string): Command => zonecfg(["-z", z(zone), "export"]),
  zonecfgDelete: (zone: string): Command => zonecfg(["-z", z(zone), "delete", "-F"]),
  createVnic: (name: string, over: string): Command =>
    dladm(["create-vnic", "-l", l(over), l(name)]),
  deleteVnic: (name: string): Command => dladm(["delete-vnic", l(name)]),
  showLinks: (): Command => dladm(["show-link", "-p", "-o", LINK_FIELDS.join(",")]),
  showVnics: (name?: string): Command =>
    dladm([
      "show-vnic",
      "-p",
      "-o",
      VNIC_FIELDS.join(","),
      ...(name === undefined ? [] : [l(name)]),
    ]),
  showEtherstubs: (): Command => dladm(["show-etherstub", "-p", "-o", "link"]),
  showPhys: (): Command => dladm(["show-phys", "-p", "-o", PHYS_FIELDS.join(",")]),
  /** Every file of the zone configuration directory as one tar stream on stdout (bytes). */
  tarZonesDir: (zonesDir: string, toolsDir = "/usr/bin"): Command => ({
    file: `${absoluteDir("tools-dir", toolsDir).replace(/\/+$/, "")}/tar`,
    args: ["-cf", "-", "-C", absoluteDir("zones-dir", zonesDir), "."],
    encoding: "buffer",
  }),
  /** `zlogin <zone> [<command>]`: the command is ONE argument, already quoted for `su -c`. */
  zlogin: (zone: string, command?: string): Command => ({
    file: "zlogin",
    args: command === undefined ? [z(zone)] : [z(zone), command],
  }),
  console: (zone: string): Command => ({ file: "zlogin", args: ["-C", z(zone)] }),
  setPublisher: (zoneRoot: string, name: string, origin: string): Command => ({
    file: "pkg",
    args: ["-R", zoneRoot, "set-publisher", "-g", origin, operand("publisher name", name)],
  }),
};
