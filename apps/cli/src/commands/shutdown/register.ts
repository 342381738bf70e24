import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { invocation } from "../../shared/kit.js";

export function registerShutdown(program: Command, ctx: CliContext): void {
  program
    .command("shutdown")
    .description("zoneadm -z <name> shutdown")
    .argument("<name>", "zone name")
    .action(async (name: string, _flags: object, cmd: Command) => {
      const { runZoneAction } = await import("../../shared/zone-action.js");
      await runZoneAction(invocation(ctx, cmd), "shutdown", name);
    });
}
