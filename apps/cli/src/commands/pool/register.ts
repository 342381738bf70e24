import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { collectList, invocation } from "../../shared/kit.js";

export interface PoolCreateFlags {
  network: string;
  gateway?: string;
  stub: string;
  range?: string;
  addresses?: string[];
  reserve?: string[];
}

export function registerPool(program: Command, ctx: CliContext): void {
  const pool = program
    .command("pool")
    .description("IP pools: list, show, create, remove, add/remove addresses");
  const load = () => import("./run.js");
  const edit = () => import("./edit.js");
  pool
    .command("list")
    .description("pools with size, used, free and utilisation")
    .action(async (_f: object, cmd: Command) => (await load()).poolList(invocation(ctx, cmd)));
  pool
    .command("show")
    .description("one pool and every used address with its zone")
    .argument("<pool>")
    .action(async (name: string, _f: object, cmd: Command) =>
      (await load()).poolShow(invocation(ctx, cmd), name),
    );
  pool
    .command("create")
    .description("write pools/<pool>.kdl")
    .argument("<pool>")
    .requiredOption("--network <cidr>", "network, e.g. 10.1.0.0/24")
    .option("--gateway <address>", "default router")
    .requiredOption("--stub <link>", "etherstub or physical link the VNICs go over")
    .option("--range <start-end>", "range mode: first-last allocatable address")
    .option("--addresses <a,b,…>", "list mode: the allocatable addresses", collectList)
    .option("--reserve <a,…>", "addresses never handed out", collectList)
    .action(async (name: string, flags: PoolCreateFlags, cmd: Command) =>
      (await edit()).poolCreate(invocation(ctx, cmd), name, flags),
    );
  pool
    .command("remove")
    .description("delete a pool no zone or template uses")
    .argument("<pool>")
    .action(async (name: string, _f: object, cmd: Command) =>
      (await edit()).poolRemove(invocation(ctx, cmd), name),
    );
  pool
    .command("add-address")
    .description("add addresses to a list-mode pool")
    .argument("<pool>")
    .argument("<addresses...>")
    .action(async (name: string, addrs: string[], _f: object, cmd: Command) =>
      (await edit()).poolEditAddresses(invocation(ctx, cmd), name, addrs, "add"),
    );
  pool
    .command("remove-address")
    .description("remove unused addresses from a list-mode pool")
    .argument("<pool>")
    .argument("<addresses...>")
    .action(async (name: string, addrs: string[], _f: object, cmd: Command) =>
      (await edit()).poolEditAddresses(invocation(ctx, cmd), name, addrs, "remove"),
    );
}
