import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { invocation } from "../../shared/kit.js";

export interface ListFlags {
  output?: string;
  sort?: string;
  filter?: string[];
  omitHeader?: boolean;
  parsable?: boolean;
}

export function registerList(program: Command, ctx: CliContext): void {
  program
    .command("list")
    .alias("ls")
    .description("registry zones joined with the live state of the host")
    .option(
      "-o, --output <columns>",
      "columns, comma-separated: name,state,host,brand,template,addresses,vnics,pools,created,zonepath",
    )
    .option("-s, --sort <column>", "sort by a column (addresses: numerically by the first address)")
    .option(
      "--filter <column=glob>",
      "keep zones where some value of the column matches (repeatable)",
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option("-H, --omit-header", "no header line")
    .option("-p, --parsable", "parsable: ':'-separated fields, '\\:' and '\\\\' escaped (needs -o)")
    .action(async (flags: ListFlags, cmd: Command) => {
      const { runList } = await import("./run.js");
      await runList(invocation(ctx, cmd), flags);
    });
}
