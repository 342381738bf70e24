import type { Command } from "commander";
import type { CliContext } from "../deps.js";
import { invocation } from "../kit.js";

export function registerList(program: Command, ctx: CliContext): void {
  program
    .command("list")
    .alias("ls")
    .description("registry zones joined with the live state of the host")
    .action(async (_flags: object, cmd: Command) => {
      const { openSession } = await import("../session.js");
      const { joinZones } = await import("../zone-join.js");
      const s = await openSession(invocation(ctx, cmd));
      const rows = joinZones(
        s.snapshot,
        await s.host.listZones(),
        (z) => s.registry.reservationState(z),
        (z) => s.registry.reservedElsewhere(z),
      );
      if (s.out.json) {
        s.out.printJson(rows);
        return;
      }
      if (rows.length === 0) {
        s.out.line("no zones (create one with `zmgr create <name>`)");
        return;
      }
      const { c } = s.out;
      const paint = (state: string) =>
        state === "running"
          ? c.green(state)
          : ["failed", "interrupted", "missing"].includes(state)
            ? c.red(state)
            : state.startsWith("creating")
              ? c.yellow(state)
              : state;
      s.out.table(
        ["NAME", "STATE", "BRAND", "TEMPLATE", "ADDRESSES", "VNICS"],
        rows.map((r) => [
          r.name,
          paint(r.state) + (r.registered ? "" : c.dim(" (not in registry)")),
          r.brand ?? "-",
          r.template ?? "-",
          r.addresses.join(",") || "-",
          r.vnics.join(",") || "-",
        ]),
      );
    });
}
