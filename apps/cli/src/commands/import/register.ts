import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { invocation } from "../../shared/kit.js";

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command("import")
    .description("adopt zones that already exist on the host into the registry")
    .argument("[names...]", "zones to import")
    .option("--all", "import every zone that is not registered yet")
    .action(async (names: string[], flags: { all?: boolean }, cmd: Command) => {
      const inv = invocation(ctx, cmd);
      const { openSession, verboseNote } = await import("../../shared/session.js");
      const { describeZoneConfigRead } = await import("../../shared/zone-configs.js");
      const { importHost, renderImportReport } = await import("@zmgr/importer");
      const { createProgress } = await import("../../shared/progress.js");
      const { colorEnabled } = await import("../../shared/output.js");
      const s = await openSession(inv);
      const progress = createProgress(s.out);
      const note = verboseNote(s);
      const controller = new AbortController();
      const unsubscribe = ctx.deps.onInterrupt?.(() => controller.abort());
      let report: Awaited<ReturnType<typeof importHost>>;
      try {
        report = await importHost({
          exec: s.exec,
          registry: s.registry,
          names,
          all: flags.all === true,
          dryRun: inv.globals.dryRun,
          lockTimeoutMs: s.lockTimeoutMs,
          today: ctx.deps.now().toISOString().slice(0, 10),
          onEvent: (e) => progress.onEvent(e),
          ...(note
            ? {
                onZoneConfig: (zone, read) =>
                  note(describeZoneConfigRead(zone, read, s.snapshot.config.zonesDir)),
              }
            : {}),
          signal: controller.signal,
        });
      } finally {
        progress.stop();
        unsubscribe?.();
      }
      if (s.out.json) s.out.printJson(report);
      else
        ctx.deps.stdout(
          renderImportReport(report, {
            color: colorEnabled(ctx.deps, inv.globals),
            command: "zmgr import",
          }),
        );
      if (names.length === 0 && flags.all !== true) ctx.exitCode = 2;
      else if (report.failed > 0 || report.interrupted) ctx.exitCode = 1;
    });
}
