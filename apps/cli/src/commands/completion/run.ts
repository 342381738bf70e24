import { type Complete, RootCommand, type Command as TabCommand } from "@bomb.sh/tab";
import type { Command } from "commander";
import { UsageError } from "../../shared/errors.js";
import type { Invocation } from "../../shared/kit.js";
import { LIST_COLUMNS } from "../list/columns.js";

const SHELLS = ["bash", "zsh", "fish"];

/** tab prints with console.log; route that into our stdout writer. */
function capture(inv: Invocation, fn: () => void): void {
  const original = console.log;
  console.log = (...parts: unknown[]) => inv.ctx.deps.stdout(`${parts.map(String).join(" ")}\n`);
  try {
    fn();
  } finally {
    console.log = original;
  }
}

export function completionScript(inv: Invocation, shell: string): void {
  if (!SHELLS.includes(shell)) {
    throw new UsageError(
      `no completion for shell ${JSON.stringify(shell)}`,
      `use one of: ${SHELLS.join(", ")}`,
    );
  }
  capture(inv, () => new RootCommand().setup("zmgr", "zmgr", shell));
}

type Names = { zones: string[]; templates: string[]; pools: string[]; publishers: string[] };

async function registryNames(inv: Invocation): Promise<Names> {
  try {
    const { Registry } = await import("@zmgr/registry");
    const { resolveRoot } = await import("../../shared/session.js");
    const snap = await Registry.open(resolveRoot(inv)).load();
    return {
      zones: [...snap.zones.keys()].sort(),
      templates: [...snap.templates.keys()].sort(),
      pools: [...snap.pools.keys()].sort(),
      publishers: [...snap.publishers.keys()].sort(),
    };
  } catch {
    return { zones: [], templates: [], pools: [], publishers: [] };
  }
}

/** Argument name → which registry names complete it. */
function namesFor(arg: string, names: Names): string[] | undefined {
  if (arg === "name") return names.zones;
  if (arg === "template") return names.templates;
  if (arg === "pool") return names.pools;
  if (arg === "publisher") return names.publishers;
  if (arg === "shell") return SHELLS;
  return undefined;
}

/** `zmgr complete -- <words>`: the commander tree mirrored into tab, names from the registry. */
export async function completeArgs(
  inv: Invocation,
  program: Command,
  args: string[],
): Promise<void> {
  // The words being completed may carry --simulate / --registry: names come from that registry.
  const at = args.indexOf("--registry");
  const registry = at >= 0 ? args[at + 1] : undefined;
  const globals = {
    ...inv.globals,
    simulate: inv.globals.simulate || args.includes("--simulate"),
    ...(registry ? { registry } : {}),
  };
  const names = await registryNames({ ...inv, globals });
  const root = new RootCommand();
  const list = (values: string[]) => (complete: Complete) => {
    for (const v of values) complete(v, "");
  };
  const mirror = (target: TabCommand, cmd: Command) => {
    for (const opt of cmd.options) {
      if (!opt.long || opt.hidden) continue;
      const long = opt.long.slice(2);
      const short = opt.short?.slice(1);
      const takesValue = opt.required || opt.optional;
      const values = optionValues(long, cmd.name(), names);
      if (takesValue) target.option(long, opt.description, values ? list(values) : () => {}, short);
      else if (short) target.option(long, opt.description, short);
      else target.option(long, opt.description);
    }
    for (const a of cmd.registeredArguments) {
      const values = namesFor(a.name(), names);
      target.argument(a.name(), values ? list(values) : undefined, a.variadic);
    }
  };
  mirror(root, program);
  const walk = (cmd: Command, prefix: string) => {
    for (const sub of cmd.commands) {
      if (sub.name() === "complete") continue;
      const path = prefix ? `${prefix} ${sub.name()}` : sub.name();
      mirror(root.command(path, sub.description()), sub);
      walk(sub, path);
    }
  };
  walk(program, "");
  capture(inv, () => root.parse(args));
}

/** Values an option completes to: templates, pools, and `zmgr list`'s columns. */
function optionValues(long: string, command: string, names: Names): string[] | undefined {
  if (long === "template") return names.templates;
  if (long === "pool") return names.pools;
  if (long === "clone") return names.zones;
  if (command === "list" && (long === "output" || long === "sort")) return [...LIST_COLUMNS];
  if (command === "list" && long === "filter") return LIST_COLUMNS.map((c) => `${c}=`);
  return undefined;
}
