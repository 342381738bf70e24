import type { SimCtx } from "./sim-util.js";

const USAGE_LINES: [string, string][] = [
  ["show-link", "[-P] [-s [-i <interval>]] [[-p] -o <field>,..] [<link>]"],
  ["show-phys", "[-P] [[-p] -o <field>,...] [<link>]"],
  [
    "create-vnic",
    "[-t] -l <link> [-m <value> | auto |\n\t\t {factory [-n <slot-id>]} | {random [-r <prefix>]} |\n\t\t {vrrp -V <vrid> -A {inet | inet6}} [-v <vid> [-f]]\n\t\t [-p <prop>=<value>[,...]] [-R <root-dir>] <vnic-link>",
  ],
  ["delete-vnic", "[-t] [-R <root-dir>] <vnic-link>"],
  ["show-vnic", "[-P] [-l <link>] [-s [-i <interval>]] [<link>]"],
  ["create-etherstub", "[-t] [-R <root-dir>] <link>"],
  ["delete-etherstub", "[-t] [-R <root-dir>] <link>"],
  ["show-etherstub", "[-t] [<link>]"],
];

/** `usage()`: the subcommand list on stderr, exit 1 (every dladm failure exits 1). */
export function dladmUsage(ctx: SimCtx) {
  const lines = ["usage:  dladm <subcommand> <args> ..."];
  for (const [name, args] of USAGE_LINES) lines.push(`    ${name.padEnd(16)} ${args}`);
  ctx.out.stderr += `${lines.join("\n")}\n`;
  ctx.out.exitCode = 1;
}

export function subUsage(name: string): string {
  return `usage: ${name} ${USAGE_LINES.find((u) => u[0] === name)?.[1] ?? ""}`;
}
