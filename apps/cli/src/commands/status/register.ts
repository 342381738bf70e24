import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { invocation } from "../../shared/kit.js";

export function registerStatus(program: Command, ctx: CliContext): void {
  program
    .command("status")
    .description("drift between registry and host (exit 3 when there is any)")
    .action(async (_flags: object, cmd: Command) => {
      const { openSession, verboseNote } = await import("../../shared/session.js");
      const { computeDrift } = await import("./check.js");
      const { hostZoneConfigs } = await import("../../shared/zone-configs.js");
      const s = await openSession(invocation(ctx, cmd));
      const [zones, vnics] = await Promise.all([s.host.listZones(), s.host.showVnics()]);
      // every zone's configuration in a constant number of commands (SPEC §1 zones-dir)
      const names = zones.map((z) => z.name).filter((n) => n !== "global");
      const infos = await hostZoneConfigs(
        s.host,
        names,
        s.snapshot.config.zonesDir,
        verboseNote(s),
      );
      const drift = computeDrift(
        s.snapshot,
        { zones, vnics, infos },
        (z) => s.registry.reservationState(z),
        (z) => s.registry.reservedElsewhere(z),
        (st) => s.registry.netAddState(st),
      );
      if (drift.length > 0) ctx.exitCode = 3;
      if (s.out.json) {
        s.out.printJson({ drift: drift.length > 0, items: drift });
        return;
      }
      if (drift.length === 0) {
        s.out.line(
          `${s.out.c.green("✔")} registry and host agree (${s.snapshot.zones.size} zone(s))`,
        );
        return;
      }
      for (const d of drift) {
        s.out.line(`${s.out.c.yellow("✖")} ${d.message}`);
        s.out.line(`  ${s.out.c.cyan("help")}: ${d.help}`);
        for (const l of d.cleanup ?? []) s.out.line(`  ${s.out.c.dim("$")} ${l}`);
      }
      s.out.line(`${drift.length} difference(s) between registry and host`);
    });
}
