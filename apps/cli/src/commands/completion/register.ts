import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { invocation } from "../../shared/kit.js";

export function registerCompletion(program: Command, ctx: CliContext): void {
  program
    .command("completion")
    .description("print the shell completion script: source <(zmgr completion bash)")
    .argument("<shell>", "bash, zsh or fish")
    .action(async (shell: string, _f: object, cmd: Command) => {
      const { completionScript } = await import("./run.js");
      completionScript(invocation(ctx, cmd), shell);
    });
  program
    .command("complete", { hidden: true })
    .description("completion candidates (called by the completion scripts)")
    .argument("[args...]")
    .allowUnknownOption()
    .action(async (args: string[], _f: object, cmd: Command) => {
      const { completeArgs } = await import("./run.js");
      await completeArgs(invocation(ctx, cmd), program, args);
    });
}
