import type { Command } from "commander";
import type { CliContext } from "../../deps.js";
import { invocation } from "../../shared/kit.js";

export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command("validate")
    .description("check the registry (and the host, when reachable); exit 1 on errors")
    .option("--no-host", "check the registry files only")
    .action(async (flags: { host: boolean }, cmd: Command) => {
      const inv = invocation(ctx, cmd);
      const { openSession, collectHostFacts, verboseNote } = await import(
        "../../shared/session.js"
      );
      const { validateSnapshot, withLocations, renderHuman, renderJson } = await import(
        "@zmgr/validate"
      );
      const { hasErrors } = await import("@zmgr/errors");
      const { colorEnabled } = await import("../../shared/output.js");
      const s = await openSession(inv);
      let host: Awaited<ReturnType<typeof collectHostFacts>> | undefined;
      let hostNote: string | undefined;
      if (flags.host) {
        try {
          host = await collectHostFacts(s.host, s.snapshot, verboseNote(s));
        } catch (err) {
          hostNote = `host checks skipped: ${(err as Error).message.split("\n")[0]}`;
        }
      }
      const diags = withLocations(
        s.snapshot,
        validateSnapshot(s.snapshot, {
          ...(host ? { host } : {}),
          isAlive: s.isAlive,
          hostname: ctx.deps.hostname,
        }),
      );
      if (hasErrors(diags)) ctx.exitCode = 1;
      if (s.out.json) {
        s.out.printJson(renderJson(diags));
        return;
      }
      if (hostNote) s.out.note(hostNote);
      // renderHuman ends with the one summary line ("2 errors, 1 warning"); the command adds
      // only the ✔ line of a registry with neither errors nor warnings
      if (diags.length > 0) {
        ctx.deps.stdout(
          renderHuman(diags, s.snapshot, { color: colorEnabled(ctx.deps, inv.globals) }),
        );
      }
      if (hasErrors(diags) || diags.some((d) => d.severity === "warning")) return;
      const files =
        1 +
        s.snapshot.templates.size +
        s.snapshot.pools.size +
        s.snapshot.zones.size +
        s.snapshot.publishers.size;
      s.out.line(`${s.out.c.green("✔")} registry ${s.root} is valid (${files} files)`);
    });
}
