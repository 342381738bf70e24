import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { invocation } from "../../shared/kit.js";

export function registerPublisher(program: Command, ctx: CliContext): void {
  const p = program.command("publisher").description("IPS publishers: list, show, add, remove");
  const load = () => import("./run.js");
  p.command("list")
    .description("publishers and their origins")
    .action(async (_f: object, cmd: Command) => (await load()).publisherList(invocation(ctx, cmd)));
  p.command("show")
    .description("one publisher")
    .argument("<publisher>")
    .action(async (name: string, _f: object, cmd: Command) =>
      (await load()).publisherShow(invocation(ctx, cmd), name),
    );
  p.command("add")
    .description("write publishers/<publisher>.kdl")
    .argument("<publisher>")
    .requiredOption("--origin <url>", "http(s) origin URL")
    .action(async (name: string, flags: { origin: string }, cmd: Command) =>
      (await load()).publisherAdd(invocation(ctx, cmd), name, flags.origin),
    );
  p.command("remove")
    .description("delete a publisher no template uses")
    .argument("<publisher>")
    .action(async (name: string, _f: object, cmd: Command) =>
      (await load()).publisherRemove(invocation(ctx, cmd), name),
    );
}
