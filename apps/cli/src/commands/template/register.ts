import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { collectList, invocation } from "../../shared/kit.js";

export interface TemplateCreateFlags {
  brand: string;
  autoboot?: boolean;
  ipType: string;
  net: string[];
  publisher?: string[];
}

export function registerTemplate(program: Command, ctx: CliContext): void {
  const t = program.command("template").description("zone templates: list, show, create, remove");
  const load = () => import("./run.js");
  t.command("list")
    .description("templates with brand, ip-type and nets")
    .action(async (_f: object, cmd: Command) => (await load()).templateList(invocation(ctx, cmd)));
  t.command("show")
    .description("one template")
    .argument("<template>")
    .action(async (name: string, _f: object, cmd: Command) =>
      (await load()).templateShow(invocation(ctx, cmd), name),
    );
  t.command("create")
    .description("write templates/<template>.kdl")
    .argument("<template>")
    .requiredOption("--brand <brand>", "zone brand: ipkg, lipkg, nlipkg, sparse, pkgsrc, lx, …")
    .option("--autoboot", "autoboot, and boot after install")
    .option("--ip-type <type>", "exclusive or shared", "exclusive")
    .option(
      "--net <name=pool[,pool]>",
      "a net and its pools (repeatable)",
      (v: string, p: string[] = []) => [...p, v],
      [],
    )
    .option("--publisher <name,…>", "IPS publishers", collectList)
    .action(async (name: string, flags: TemplateCreateFlags, cmd: Command) =>
      (await load()).templateCreate(invocation(ctx, cmd), name, flags),
    );
  t.command("remove")
    .description("delete a template no zone uses")
    .argument("<template>")
    .action(async (name: string, _f: object, cmd: Command) =>
      (await load()).templateRemove(invocation(ctx, cmd), name),
    );
}
