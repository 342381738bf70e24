import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { invocation } from "../../shared/kit.js";

export function registerBoot(program: Command, ctx: CliContext): void {
  program
    .command("boot")
    .description("zoneadm -z <name> boot")
    .argument("<name>", "zone name")
    .action(async (name: string, _flags: object, cmd: Command) => {
      const { runZoneAction } = await import("../../shared/zone-action.js");
      await runZoneAction(invocation(ctx, cmd), "boot", name);
    });
}
