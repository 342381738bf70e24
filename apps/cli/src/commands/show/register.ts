import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { invocation } from "../../shared/kit.js";

export function registerShow(program: Command, ctx: CliContext): void {
  program
    .command("show")
    .description("registry entry, live state and zonecfg info of one zone")
    .argument("<name>", "zone name")
    .action(async (name: string, _flags: object, cmd: Command) => {
      const { runShow } = await import("./run.js");
      await runShow(invocation(ctx, cmd), name);
    });
}
