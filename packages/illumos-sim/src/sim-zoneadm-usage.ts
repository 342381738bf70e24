import { getopt, getoptMessage } from "./sim-getopt.js";
import type { SimCtx, SimOut } from "./sim-util.js";

/** Subcommands with a short usage, in the order of zoneadm's `cmdtab` (ZA). */
const SUBCOMMANDS: { name: string; short: string; long: string }[] = [
  { name: "help", short: "help", long: "Print usage message." },
  {
    name: "boot",
    short: "boot [-- boot_arguments]",
    long: "Activates (boots) specified zone.  See zoneadm(8) for valid boot\n\targuments.",
  },
  {
    name: "halt",
    short: "halt",
    long: "Halts specified zone, bypassing shutdown scripts and removing runtime\n\tresources of the zone.",
  },
  {
    name: "ready",
    short: "ready",
    long: "Prepares a zone for running applications but does not start any user\n\tprocesses in the zone.",
  },
  {
    name: "shutdown",
    short: "shutdown [-r [-- boot_arguments]]",
    long: "Gracefully shutdown the zone or reboot if the '-r' option is specified.\n\tSee zoneadm(8) for valid boot arguments.",
  },
  {
    name: "reboot",
    short: "reboot [-- boot_arguments]",
    long: "Restarts the zone (equivalent to a halt / boot sequence).\n\tFails if the zone is not active.  See zoneadm(8) for valid boot\n\targuments.",
  },
  {
    name: "list",
    short: "list [-cinpv]",
    long:
      "Lists the current zones, or a specific zone if indicated.  By default,\n\tall running zones are listed, though this can be expanded to all\n\t" +
      "installed zones with the -i option or all configured zones with the\n\t-c option.  When used with the general -z <zone> and/or -u <uuid-match>\n\t" +
      "options, lists only the specified matching zone, but lists it\n\tregardless of its state, and the -i and -c options are disallowed.  The\n\t" +
      "-v option can be used to display verbose information: zone name, id,\n\tcurrent state, root directory and options.  The -p option can be used\n\t" +
      "to request machine-parsable output.  The -v and -p options are mutually\n\texclusive.  If neither -v nor -p is used, just the zone name is listed.",
  },
  {
    name: "verify",
    short: "verify",
    long: "Check to make sure the configuration can safely be instantiated\n\ton the machine: physical network interfaces exist, etc.",
  },
  {
    name: "install",
    short: "install [-x nodataset] [brand-specific args]",
    long:
      "Install the configuration on to the system.  The -x nodataset option\n\tcan be used to prevent the creation of a new ZFS file system for the\n\t" +
      "zone (assuming the zonepath is within a ZFS file system).\n\tAll other arguments are passed to the brand installation function;\n\tsee brands(7) for more information.",
  },
  {
    name: "uninstall",
    short: "uninstall [-F] [brand-specific args]",
    long: "Uninstall the configuration from the system.  The -F flag can be used\n\tto force the action.  All other arguments are passed to the brand\n\tuninstall function; see brands(7) for more information.",
  },
  {
    name: "clone",
    short: "clone [-m method] [-s <ZFS snapshot>] [brand-specific args] zonename",
    long: "Clone the installation of another zone.",
  },
  { name: "move", short: "move zonepath", long: "Move the zone to a new zonepath." },
  {
    name: "detach",
    short: "detach [-n] [brand-specific args]",
    long: "Detach the zone from the system.",
  },
  {
    name: "attach",
    short: "attach [-F] [-n <path>] [brand-specific args]",
    long: "Attach the zone to the system.",
  },
  {
    name: "mark",
    short: "mark incomplete",
    long: "Set the state of the zone.  This can be used to force the zone\n\tstate to 'incomplete' administratively if some activity has rendered\n\tthe zone permanently unusable.  The only valid state that may be\n\tspecified is 'incomplete'.",
  },
];

/** Every subcommand zoneadm knows (the private ones have no usage line). */
export const ZONEADM_COMMANDS = new Set([
  ...SUBCOMMANDS.map((c) => c.name),
  "mount",
  "unmount",
  "apply",
  "sysboot",
]);

/** `usage(explicit)`: stdout + help texts when asked for, else stderr; always Z_USAGE. */
export function zoneadmUsage(out: SimOut, explicit: boolean): void {
  const lines = [
    "usage:\tzoneadm help",
    "\tzoneadm [-z <zone>] [-u <uuid-match>] list",
    "\tzoneadm {-z <zone>|-u <uuid-match>} <subcommand>",
    "",
    "Subcommands:",
    "",
  ];
  for (const c of SUBCOMMANDS) {
    lines.push(c.short);
    if (explicit) lines.push(`\t${c.long}`, "");
  }
  if (!explicit) lines.push("");
  const text = `${lines.join("\n")}\n`;
  if (explicit) out.stdout += text;
  else out.stderr += text;
  out.exitCode = 2;
}

/** `sub_usage()`: `usage:\t<short>\n\t<long>\n` on stderr. */
export function zoneadmSubUsage(out: SimOut, name: string): void {
  const c = SUBCOMMANDS.find((x) => x.name === name);
  out.stderr += `usage:\t${c?.short ?? name}\n\t${c?.long ?? ""}\n`;
}

/** Parse subcommand options; on a bad option print sub-usage. Returns undefined when done. */
export function subOptions(
  ctx: SimCtx,
  name: string,
  args: string[],
  spec: string,
): ReturnType<typeof getopt> | undefined {
  const g = getopt(args, spec);
  if (g.error || g.opts.some((o) => o.opt === "?")) {
    const asked = g.opts.some((o) => o.opt === "?") || g.error?.opt === "?";
    if (g.error && g.error.opt !== "?") ctx.out.err(getoptMessage("zoneadm", g.error));
    zoneadmSubUsage(ctx.out, name);
    ctx.out.exitCode = asked ? 0 : 2;
    return undefined;
  }
  return g;
}
