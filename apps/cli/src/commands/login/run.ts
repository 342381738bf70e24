import { ZmgrError } from "@zmgr/errors";
import {
  type Command,
  checkZoneName,
  type Executor,
  formatArgv,
  illumosCommands,
  shellJoin,
  type TerminalIo,
} from "@zmgr/illumos-exec";
import type { CliDeps } from "../../deps.js";
import { UsageError } from "../../shared/errors.js";
import type { Invocation } from "../../shared/kit.js";
import { openSession } from "../../shared/session.js";

/**
 * `zmgr login <zone> [-- cmd…]`: `zlogin <zone> '<argv quoted and joined>'`. zlogin joins its
 * arguments with spaces and hands them to `su root -c`, so the command goes as ONE argument,
 * POSIX-quoted, and arrives intact. Exits with the command's status; zlogin's own refusals
 * (zone not running, unknown) pass through with its exit status.
 */
export async function runLogin(inv: Invocation, zone: string, argv: string[]): Promise<void> {
  checkZone(zone);
  await runInteractive(
    inv,
    illumosCommands.zlogin(zone, argv.length > 0 ? shellJoin(argv) : undefined),
  );
}

/** `zmgr console <zone>`: `zlogin -C <zone>`; refused (exit 2) without a terminal, before anything runs. */
export async function runConsole(inv: Invocation, zone: string): Promise<void> {
  checkZone(zone);
  const { deps } = inv.ctx;
  if (!(deps.isTTY && deps.stdinIsTTY)) {
    throw new UsageError(
      "zmgr console needs a terminal (stdin and stdout)",
      `run it from an interactive terminal; for one command use \`zmgr login ${zone} -- <command>\``,
    );
  }
  await runInteractive(inv, illumosCommands.console(zone));
}

async function runInteractive(inv: Invocation, command: Command): Promise<void> {
  if (inv.globals.dryRun) {
    inv.out.line(formatArgv([command.file, ...command.args]));
    return;
  }
  const s = await openSession(inv);
  const interactive = interactiveOf(s.exec);
  // Ctrl-C belongs to the command (a login shell reads it as a key); zmgr waits for its status.
  const off = inv.ctx.deps.onInterrupt?.(() => {});
  try {
    inv.ctx.exitCode = await interactive(command, terminalOf(inv.ctx.deps));
  } finally {
    off?.();
  }
}

function interactiveOf(exec: Executor): NonNullable<Executor["interactive"]> {
  if (!exec.interactive) {
    throw new ZmgrError(
      "zmgr::exec::not_interactive",
      "this executor cannot run interactive commands (zlogin)",
      { help: "log in on the host itself, or use the local or simulated host" },
    );
  }
  return exec.interactive.bind(exec);
}

function terminalOf(deps: CliDeps): TerminalIo {
  if (deps.terminal) return deps.terminal;
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: deps.isTTY && deps.stdinIsTTY,
  };
}

/** A name zlogin could take as an option, or no zone name at all, is refused here; zlogin judges the rest. */
function checkZone(zone: string): void {
  const problem = zone === "global" ? undefined : checkZoneName(zone);
  if (problem) throw new UsageError(problem, "name a zone from `zmgr list`");
}
