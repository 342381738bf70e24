import type { Command } from "./types.js";

/** The `-o` fields each dladm wrapper asks for (parsable mode). */
export const LINK_FIELDS = ["link", "class", "over", "state", "mtu"];
export const VNIC_FIELDS = ["link", "over", "macaddress", "vid"];
export const PHYS_FIELDS = ["link", "media", "state", "speed", "duplex", "device"];

export interface InstallOptions {
  /** The first IPS publisher, given to the ipkg installer as `-P name=origin`. */
  publisher?: { name: string; origin: string };
  /** Extra brand install arguments (e.g. `-s <image>` for lx). */
  args?: string[];
}

const zoneadm = (args: string[]): Command => ({ file: "zoneadm", args });
const zonecfg = (args: string[]): Command => ({ file: "zonecfg", args });
const dladm = (args: string[]): Command => ({ file: "dladm", args });

/**
 * The exact argv of every system command zmgr runs, as data: IllumosHost runs them, and plans
 * show them in `--dry-run` (see describePlan).
 */
export const illumosCommands = {
  listZones: (): Command => zoneadm(["list", "-cp"]),
  zoneStatus: (zone: string): Command => zoneadm(["-z", zone, "list", "-p"]),
  install: (zone: string, options: InstallOptions = {}): Command =>
    zoneadm([
      "-z",
      zone,
      "install",
      ...(options.publisher ? ["-P", `${options.publisher.name}=${options.publisher.origin}`] : []),
      ...(options.args ?? []),
    ]),
  boot: (zone: string): Command => zoneadm(["-z", zone, "boot"]),
  halt: (zone: string): Command => zoneadm(["-z", zone, "halt"]),
  shutdown: (zone: string): Command => zoneadm(["-z", zone, "shutdown"]),
  reboot: (zone: string): Command => zoneadm(["-z", zone, "reboot"]),
  uninstall: (zone: string): Command => zoneadm(["-z", zone, "uninstall", "-F"]),
  zonecfgApply: (zone: string, file: string): Command => zonecfg(["-z", zone, "-f", file]),
  zonecfgInfo: (zone: string): Command => zonecfg(["-z", zone, "info"]),
  zonecfgExport: (zone: string): Command => zonecfg(["-z", zone, "export"]),
  zonecfgDelete: (zone: string): Command => zonecfg(["-z", zone, "delete", "-F"]),
  createVnic: (name: string, over: string): Command => dladm(["create-vnic", "-l", over, name]),
  deleteVnic: (name: string): Command => dladm(["delete-vnic", name]),
  showLinks: (): Command => dladm(["show-link", "-p", "-o", LINK_FIELDS.join(",")]),
  showVnics: (name?: string): Command =>
    dladm(["show-vnic", "-p", "-o", VNIC_FIELDS.join(","), ...(name === undefined ? [] : [name])]),
  showEtherstubs: (): Command => dladm(["show-etherstub", "-p", "-o", "link"]),
  showPhys: (): Command => dladm(["show-phys", "-p", "-o", PHYS_FIELDS.join(",")]),
  setPublisher: (zoneRoot: string, name: string, origin: string): Command => ({
    file: "pkg",
    args: ["-R", zoneRoot, "set-publisher", "-g", origin, name],
  }),
};
