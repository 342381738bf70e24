import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { invocation } from "../../shared/kit.js";

export function registerDestroy(program: Command, ctx: CliContext): void {
  program
    .command("destroy")
    .description(
      "halt, uninstall and delete a zone and its VNICs, then remove it from the registry",
    )
    .argument("<name>", "zone name")
    .option(
      "--force",
      "settle a reservation made on another machine (its create cannot be seen from here), after confirmation",
    )
    .action(async (name: string, flags: { force?: boolean }, cmd: Command) => {
      const { runDestroy } = await import("./run.js");
      await runDestroy(invocation(ctx, cmd), name, { force: flags.force === true });
    });
}
