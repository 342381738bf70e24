import { join } from "node:path";
import { createExecaExecutor, type Executor, IllumosHost } from "@zmgr/illumos-exec";
import { isProcessAlive, Registry, resolveRegistryRoot, type Snapshot } from "@zmgr/registry";
import type { ExecutorRequest } from "../deps.js";
import type { Invocation } from "./kit.js";
import { verboseExecutor } from "./verbose-executor.js";

export { collectHostFacts } from "./host-facts.js";

/** What a command implementation works with: the registry, the host and its executor. */
export interface Session extends Invocation {
  root: string;
  registry: Registry;
  /** The snapshot loaded when the session opened (unlocked read). */
  snapshot: Snapshot;
  exec: Executor;
  host: IllumosHost;
  lockTimeoutMs: number;
  isAlive: (pid: number) => boolean;
}

/** The registry directory of this invocation (SPEC §1). */
export function resolveRoot(inv: Invocation): string {
  const { ctx, globals } = inv;
  const root = resolveRegistryRoot({
    ...(globals.registry !== undefined ? { flag: globals.registry } : {}),
    env: ctx.deps.env,
    simulate: globals.simulate,
    home: ctx.deps.home,
  });
  ctx.registryRoot = root;
  return root;
}

export async function openSession(inv: Invocation): Promise<Session> {
  const { ctx, globals } = inv;
  const { deps } = ctx;
  const root = resolveRoot(inv);
  const isAlive = deps.isAlive ?? isProcessAlive;
  const registry = Registry.open(root, {
    host: deps.hostname,
    pid: deps.pid,
    now: deps.now,
    ...(deps.isAlive ? { isAlive } : {}),
    env: deps.env,
    lockTimeoutMs: Math.round(globals.lockTimeout * 1000),
    // what the lock did on its own (takeover, temp files removed) is always said
    onNote: (m) => inv.out.note(m),
    ...(globals.verbose ? { onHeld: (ms: number) => deps.stderr(`lock held ${ms} ms\n`) } : {}),
  });
  const snapshot = await registry.load();
  const request: ExecutorRequest = {
    simulate: globals.simulate,
    stateFile:
      nonEmpty(globals.simState) ??
      nonEmpty(deps.env.ZMGR_SIM_STATE) ??
      join(root, ".simulator.json"),
    prefix: snapshot.config.commandPrefix,
  };
  const base = deps.createExecutor
    ? await deps.createExecutor(request)
    : await defaultExecutor(request);
  const exec = globals.verbose ? verboseExecutor(base, deps.stderr) : base;
  return {
    ...inv,
    root,
    registry,
    snapshot,
    exec,
    host: new IllumosHost(exec),
    lockTimeoutMs: Math.round(globals.lockTimeout * 1000),
    isAlive,
  };
}

/** The simulator is loaded only under `--simulate`: a real run loads no simulator code. */
export async function defaultExecutor(req: ExecutorRequest): Promise<Executor> {
  if (req.simulate) return (await import("@zmgr/illumos-sim")).createFileSimExecutor(req.stateFile);
  return createExecaExecutor(req.prefix.length > 0 ? { prefix: req.prefix } : {});
}

/** The `-v` stream of a session, for notes such as where zone configurations came from. */
export function verboseNote(s: Session): ((line: string) => void) | undefined {
  return s.globals.verbose ? s.ctx.deps.stderr : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
