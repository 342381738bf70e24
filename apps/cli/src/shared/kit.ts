import { type Command, InvalidArgumentError } from "commander";
import type { CliContext, GlobalOptions } from "../deps.js";
import { Output } from "./output.js";

/** The global options as seen from any (sub)command. */
export function globalsOf(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals() as Record<string, unknown>;
  return {
    ...(typeof o.registry === "string" ? { registry: o.registry } : {}),
    json: o.json === true,
    dryRun: o.dryRun === true,
    yes: o.yes === true,
    color: o.color !== false,
    verbose: o.verbose === true,
    quiet: o.quiet === true,
    simulate: o.simulate === true,
    ...(typeof o.simState === "string" ? { simState: o.simState } : {}),
    lockTimeout: typeof o.lockTimeout === "number" ? o.lockTimeout : 30,
  };
}

/** Per-invocation state handed to a command implementation. */
export interface Invocation {
  ctx: CliContext;
  globals: GlobalOptions;
  out: Output;
}

export function invocation(ctx: CliContext, cmd: Command): Invocation {
  const globals = globalsOf(cmd);
  ctx.lastGlobals = globals;
  return { ctx, globals, out: new Output(ctx.deps, globals) };
}

/** `net=value` pairs of --ip/--vnic, collected per net. */
export function collectPair(value: string, previous: [string, string][] = []): [string, string][] {
  const eq = value.indexOf("=");
  if (eq <= 0 || eq === value.length - 1) {
    throw new InvalidArgumentError(`expected <net>=<value>, e.g. internal=10.1.0.20`);
  }
  return [...previous, [value.slice(0, eq), value.slice(eq + 1)]];
}

export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(",").filter((v) => v !== "")];
}
