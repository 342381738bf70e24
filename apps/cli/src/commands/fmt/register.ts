import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { invocation } from "../../shared/kit.js";

export function registerFmt(program: Command, ctx: CliContext): void {
  program
    .command("fmt")
    .description("rewrite registry files in canonical KDL v2 (v1 files upgraded), comments kept")
    .option("--check", "change nothing; exit 1 when a file would change")
    .action(async (flags: { check?: boolean }, cmd: Command) => {
      const inv = invocation(ctx, cmd);
      const { runFmt } = await import("./run.js");
      await runFmt(inv, flags.check === true);
    });
}
