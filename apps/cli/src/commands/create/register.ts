import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { collectPair, invocation } from "../../shared/kit.js";

interface CreateFlags {
  template?: string;
  ip: [string, string][];
  vnic: [string, string][];
  boot: boolean;
  rollback: boolean;
  finish?: boolean;
  clone?: string;
}

export function registerCreate(program: Command, ctx: CliContext): void {
  program
    .command("create")
    .description(
      "create a zone from a template: allocate addresses, VNICs, configure, install, boot",
    )
    .argument("<name>", "zone name")
    .option("-t, --template <name>", "template (default: config default-template)")
    .option("--ip <net=address>", "pin an address for a net (repeatable)", collectPair, [])
    .option("--vnic <net=name>", "VNIC name for a net (repeatable)", collectPair, [])
    .option("--clone <source>", "clone this installed zone (zoneadm clone) instead of installing")
    .option("--no-boot", "do not boot even when the template says autoboot")
    .option("--no-rollback", "on failure keep what was done and mark the zone failed")
    .option(
      "--finish",
      "record a zone whose create installed it but could not write the registry (nothing else runs)",
    )
    .action(async (name: string, flags: CreateFlags, cmd: Command) => {
      if (flags.finish) {
        const { finishCreate } = await import("./finish.js");
        return finishCreate(invocation(ctx, cmd), name);
      }
      const { runCreate } = await import("./run.js");
      await runCreate(invocation(ctx, cmd), name, flags);
    });
}

export type { CreateFlags };
