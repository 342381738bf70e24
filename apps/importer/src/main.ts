import { join } from "node:path";
import type { Executor } from "@zmgr/illumos-exec";
import { Command, CommanderError, InvalidArgumentError } from "commander";

export interface MainDeps {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  home: string;
  /** Colour only on a terminal (and never with NO_COLOR or --no-color). */
  isTTY?: boolean;
  /** Ctrl-C: the import stops after the running write; returns an unsubscribe function. */
  onInterrupt?: (handler: () => void) => () => void;
  /** Test seam: replaces the execa executor / the file-backed simulator. */
  createExecutor?: (how: { simulate: boolean; simState: string; prefix: string[] }) => Executor;
}

interface Flags {
  all?: boolean;
  dryRun?: boolean;
  json?: boolean;
  registry?: string;
  simulate?: boolean;
  simState?: string;
  lockTimeout: number;
  color: boolean;
}

/** `zmgr-import [names…]`: returns the exit code (0 ok, 1 failure, 2 usage). */
export async function main(argv: string[], deps: MainDeps): Promise<number> {
  let code = 0;
  const program = new Command("zmgr-import")
    .description("Adopt zones that already exist on this illumos host into the zmgr registry.")
    .argument("[names...]", "zones to import")
    .option("--all", "import every zone that is not registered yet")
    .option("-n, --dry-run", "print the registry files that would be written, write nothing")
    .option("--json", "print the report as JSON")
    .option("--registry <dir>", "registry directory (default $ZMGR_REGISTRY or /etc/zmgr)")
    .option("--simulate", "read the built-in illumos simulator instead of this host")
    .option(
      "--sim-state <file>",
      "simulator state file (default $ZMGR_SIM_STATE or <registry>/.simulator.json)",
    )
    .option("--lock-timeout <seconds>", "wait this long for the registry lock", parseSeconds, 30)
    .option("--no-color", "no colours in the output")
    .exitOverride()
    .configureOutput({ writeOut: deps.stdout, writeErr: deps.stderr })
    .action(async (names: string[], flags: Flags) => {
      code = await run(names, flags, deps);
    });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return code;
}

async function run(names: string[], flags: Flags, deps: MainDeps): Promise<number> {
  const { isZmgrError } = await import("@zmgr/errors");
  try {
    const [{ Registry, resolveRegistryRoot }, { importHost }, { renderImportReport }] =
      await Promise.all([
        import("@zmgr/registry"),
        import("./import-host.js"),
        import("./render.js"),
      ]);
    const simulate = flags.simulate === true;
    const root = resolveRegistryRoot({
      ...(flags.registry === undefined ? {} : { flag: flags.registry }),
      env: deps.env,
      simulate,
      home: deps.home,
    });
    const registry = Registry.open(root);
    const simState = flags.simState ?? deps.env.ZMGR_SIM_STATE ?? join(root, ".simulator.json");
    const exec = await executor(deps, simulate, simState, registry);
    const controller = new AbortController();
    const unsubscribe = deps.onInterrupt?.(() => controller.abort());
    const report = await importHost({
      exec,
      registry,
      names,
      all: flags.all === true,
      dryRun: flags.dryRun === true,
      lockTimeoutMs: flags.lockTimeout * 1000,
      signal: controller.signal,
    }).finally(() => unsubscribe?.());
    const color = flags.color && deps.isTTY === true && !deps.env.NO_COLOR;
    deps.stdout(
      flags.json
        ? `${JSON.stringify(report, null, 2)}\n`
        : renderImportReport(report, { color, command: "zmgr-import" }),
    );
    if (names.length === 0 && !flags.all) return 2;
    return report.failed > 0 || report.interrupted ? 1 : 0;
  } catch (error) {
    if (!isZmgrError(error)) throw error;
    deps.stderr(
      flags.json
        ? `${JSON.stringify({ error: error.toJSON() })}\n`
        : `error[${error.code}]: ${error.message}\n  help: ${error.help}\n`,
    );
    return 1;
  }
}

async function executor(
  deps: MainDeps,
  simulate: boolean,
  simState: string,
  registry: { load(): Promise<{ config: { commandPrefix: string[] } }> },
): Promise<Executor> {
  const prefix = simulate ? [] : (await registry.load()).config.commandPrefix;
  if (deps.createExecutor) return deps.createExecutor({ simulate, simState, prefix });
  // the simulator is loaded only when asked for
  if (simulate) return (await import("@zmgr/illumos-sim")).createFileSimExecutor(simState);
  return (await import("@zmgr/illumos-exec")).createExecaExecutor({ prefix });
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds < 0) {
    throw new InvalidArgumentError("expected a number of seconds, e.g. 30");
  }
  return seconds;
}
