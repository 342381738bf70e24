import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { invocation } from "../../shared/kit.js";

export function registerInit(program: Command, ctx: CliContext): void {
  program
    .command("init")
    .description("write a starter registry (config, templates oi/ofl/router, pools, publisher)")
    .option("--force", "overwrite existing files")
    .action(async (flags: { force?: boolean }, cmd: Command) => {
      const { runInit } = await import("./run.js");
      await runInit(invocation(ctx, cmd), flags.force === true);
    });
}
