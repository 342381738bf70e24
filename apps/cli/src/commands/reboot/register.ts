import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { invocation } from "../../shared/kit.js";

export function registerReboot(program: Command, ctx: CliContext): void {
  program
    .command("reboot")
    .description("zoneadm -z <name> reboot")
    .argument("<name>", "zone name")
    .action(async (name: string, _flags: object, cmd: Command) => {
      const { runZoneAction } = await import("../../shared/zone-action.js");
      await runZoneAction(invocation(ctx, cmd), "reboot", name);
    });
}
