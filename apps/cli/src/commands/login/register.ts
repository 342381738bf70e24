import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { invocation } from "../../shared/kit.js";

export function registerLogin(program: Command, ctx: CliContext): void {
  program
    .command("login")
    .description("zlogin <name> [command]: a shell, or one command, in a running zone")
    .argument("<name>", "zone name")
    .argument("[command...]", "after --: the command and its arguments, passed intact")
    .action(async (name: string, command: string[], _flags: object, cmd: Command) => {
      const { runLogin } = await import("./run.js");
      await runLogin(invocation(ctx, cmd), name, command);
    });
  program
    .command("console")
    .description("zlogin -C <name>: the zone console (needs a terminal; ~. disconnects)")
    .argument("<name>", "zone name")
    .action(async (name: string, _flags: object, cmd: Command) => {
      const { runConsole } = await import("./run.js");
      await runConsole(invocation(ctx, cmd), name);
    });
}
