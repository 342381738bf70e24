import { Command, InvalidArgumentError, Option } from "commander";
import { registerBoot } from "./commands/boot/register.js";
import { registerCompletion } from "./commands/completion/register.js";
import { registerCreate } from "./commands/create/register.js";
import { registerDestroy } from "./commands/destroy/register.js";
import { registerFmt } from "./commands/fmt/register.js";
import { registerHalt } from "./commands/halt/register.js";
import { registerImport } from "./commands/import/register.js";
import { registerInit } from "./commands/init/register.js";
import { registerList } from "./commands/list/register.js";
import { registerLogin } from "./commands/login/register.js";
import { registerNet } from "./commands/net/register.js";
import { registerPool } from "./commands/pool/register.js";
import { registerPublisher } from "./commands/publisher/register.js";
import { registerReboot } from "./commands/reboot/register.js";
import { registerShow } from "./commands/show/register.js";
import { registerShutdown } from "./commands/shutdown/register.js";
import { registerStatus } from "./commands/status/register.js";
import { registerTemplate } from "./commands/template/register.js";
import { registerValidate } from "./commands/validate/register.js";
import type { CliContext, CliDeps } from "./deps.js";
import { VERSION } from "./version.js";

/**
 * The whole `zmgr` command tree. Command files register flags only; each action loads its
 * implementation with `await import()`, so `--help` loads nothing heavy.
 */
export function createProgram(deps: CliDeps, ctx: CliContext = { deps, exitCode: 0 }): Command {
  const program = new Command("zmgr")
    .description("Manage illumos zones from flat KDL files.")
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (s) => deps.stdout(s),
      // Under --json, usage errors become one JSON document on stderr (outputError below).
      writeErr: (s) => {
        if (!ctx.jsonErrors) deps.stderr(s);
      },
      outputError: (s, write) => {
        if (!ctx.jsonErrors) return write(s);
        const message = s.replace(/^error: /, "").trim();
        const help = "run `zmgr --help` (or `zmgr <command> --help`) for usage";
        deps.stderr(`${JSON.stringify({ error: { code: "zmgr::cli::usage", message, help } })}\n`);
      },
    })
    .exitOverride()
    .option("--registry <dir>", "registry directory (default $ZMGR_REGISTRY or /etc/zmgr)")
    .option("--json", "machine-readable output on stdout")
    .option("-n, --dry-run", "print what would be done and change nothing")
    .option("-y, --yes", "answer yes to confirmations")
    .option("--no-color", "no colours (also NO_COLOR)")
    .option("-v, --verbose", "echo every system command and its output on stderr")
    .option("-q, --quiet", "print less")
    .option("--simulate", "run against the built-in illumos simulator")
    .option(
      "--sim-state <file>",
      "simulator state file (default $ZMGR_SIM_STATE or <registry>/.simulator.json)",
    )
    .addOption(
      new Option("--lock-timeout <seconds>", "how long to wait for the registry lock")
        .default(30)
        .argParser(parseSeconds),
    );

  for (const register of [
    registerInit,
    registerCreate,
    registerDestroy,
    registerList,
    registerShow,
    registerBoot,
    registerHalt,
    registerReboot,
    registerShutdown,
    registerLogin,
    registerNet,
    registerImport,
    registerValidate,
    registerStatus,
    registerFmt,
    registerPool,
    registerTemplate,
    registerPublisher,
    registerCompletion,
  ]) {
    register(program, ctx);
  }
  return program;
}

function parseSeconds(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0) {
    throw new InvalidArgumentError(`--lock-timeout takes a number of seconds ≥ 0, e.g. 30`);
  }
  return n;
}
