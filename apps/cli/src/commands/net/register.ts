import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { collectList, invocation } from "../../shared/kit.js";

interface NetAddFlags {
  pool: string[];
  ip: string[];
  vnic?: string;
  reboot?: boolean;
}

export function registerNet(program: Command, ctx: CliContext): void {
  const net = program.command("net").description("add or remove a network of an existing zone");
  net
    .command("add")
    .description("add a net: VNIC, zonecfg net resources (one per address); applies at next boot")
    .argument("<name>", "zone name")
    .argument("<net>", "name of the new net")
    .requiredOption(
      "--pool <pool[,pool6]>",
      "pools to take an address from (two: dual stack)",
      collectList,
    )
    .option("--ip <address>", "pin an address (repeatable, one per family)", collectList, [])
    .option("--vnic <name>", "VNIC name (default: {zone}{index}, lowest free index)")
    .option("--reboot", "reboot a running zone so the net is used now")
    .action(async (zone: string, name: string, flags: NetAddFlags, cmd: Command) => {
      const { runNetAdd } = await import("./add-run.js");
      const { checkNetRequest } = await import("./request.js");
      const req = {
        zone,
        net: name,
        pools: flags.pool,
        ips: flags.ip,
        ...(flags.vnic !== undefined ? { vnic: flags.vnic } : {}),
        reboot: flags.reboot === true,
      };
      checkNetRequest(req);
      await runNetAdd(invocation(ctx, cmd), req);
    });
  net
    .command("remove")
    .description(
      "remove a net: zonecfg resources, VNIC, then the record (configured/installed zones)",
    )
    .argument("<name>", "zone name")
    .argument("<net>", "name of the net")
    .option("--reboot", "halt a running zone, remove the net, boot it again")
    .action(async (zone: string, name: string, flags: { reboot?: boolean }, cmd: Command) => {
      const { runNetRemove } = await import("./remove-run.js");
      const { checkNetRequest } = await import("./request.js");
      checkNetRequest({ zone, net: name, pools: [], ips: [] });
      await runNetRemove(invocation(ctx, cmd), zone, name, flags.reboot === true);
    });
}
