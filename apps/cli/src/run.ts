import { CommanderError } from "commander";
import type { CliContext, CliDeps, GlobalOptions } from "./deps.js";
import { createProgram } from "./program.js";

/** Runs one zmgr invocation in-process and returns its exit code (process.exit is the caller's). */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const ctx: CliContext = { deps, exitCode: 0, jsonErrors: argv.includes("--json") };
  const program = createProgram(deps, ctx);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander has already printed its message (help, version or usage error).
      return err.exitCode === 0 ? 0 : 2;
    }
    // Loaded only on failure, so `--help` and successful runs skip them at startup.
    const { errorJson, exitCodeOf, ReportedFailure, renderError } = await import(
      "./shared/errors.js"
    );
    const { Output } = await import("./shared/output.js");
    if (err instanceof ReportedFailure) return err.exitCode;
    const globals = ctx.lastGlobals ?? guessGlobals(argv);
    const out = new Output(deps, globals);
    if (globals.json) deps.stderr(`${JSON.stringify(errorJson(err))}\n`);
    else {
      deps.stderr(
        renderError(err, {
          c: out.c,
          verbose: globals.verbose,
          ...(ctx.registryRoot !== undefined ? { registryRoot: ctx.registryRoot } : {}),
        }),
      );
    }
    return exitCodeOf(err);
  }
}

/** For errors raised before an action ran: read the output flags straight from argv. */
function guessGlobals(argv: readonly string[]): GlobalOptions {
  return {
    json: argv.includes("--json"),
    dryRun: false,
    yes: false,
    color: !argv.includes("--no-color"),
    verbose: argv.includes("-v") || argv.includes("--verbose"),
    quiet: false,
    simulate: false,
    lockTimeout: 30,
  };
}
