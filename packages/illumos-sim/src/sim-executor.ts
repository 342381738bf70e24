import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import {
  type Command,
  CommandAbortedError,
  type ExecResult,
  type Executor,
  type TerminalIo,
} from "@zmgr/illumos-exec";
import { SimHost } from "./sim-host.js";
import type { SimFlavour } from "./sim-model.js";
import { restoreState, SimStateError } from "./sim-state-json.js";
import { lockState, type StateLockOptions } from "./sim-state-lock.js";
import { zloginSession } from "./sim-zlogin-session.js";

/** Wait `ms`; resolves true if the signal aborted the wait. */
function wait(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(false);
  if (signal?.aborted) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => done(false), ms);
    const onAbort = () => done(true);
    function done(aborted: boolean) {
      clearTimeout(t);
      signal?.removeEventListener("abort", onAbort);
      resolve(aborted);
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Like the execa adapter: an already aborted signal runs nothing, and an abort while an injected
 * delay runs throws `CommandAbortedError` (the command has taken effect, as a killed process may
 * have).
 */
async function finish(
  cmd: Command,
  outcome: { result: ExecResult; delayMs: number },
  signal?: AbortSignal,
) {
  if (await wait(outcome.delayMs, signal)) throw new CommandAbortedError(argvOf(cmd));
  return outcome.result;
}

/** In-process executor over one SimHost; an injected delay is awaited. */
export function createSimExecutor(host: SimHost): Executor {
  return {
    async run(cmd: Command, options?: { signal?: AbortSignal }): Promise<ExecResult> {
      if (options?.signal?.aborted) throw new CommandAbortedError(argvOf(cmd));
      return finish(cmd, host.runDetailed(cmd), options?.signal);
    },
    interactive: (cmd, io) => interact(cmd, host.prepareInteractive(cmd, io.isTTY), io),
  };
}

/** Interactive mode on the simulator: a zlogin session streams; anything else is written out. */
async function interact(
  cmd: Command,
  prepared: ReturnType<SimHost["prepareInteractive"]>,
  io: TerminalIo,
): Promise<number> {
  if ("target" in prepared) return zloginSession(prepared.target, io);
  const r = await finish(cmd, prepared);
  io.stdout.write(r.stdout);
  io.stderr.write(r.stderr);
  return r.exitCode;
}

/** Read a state file; a missing file is a fresh host. */
export async function loadSimHost(stateFile: string, flavour?: SimFlavour): Promise<SimHost> {
  let text: string;
  try {
    text = await readFile(stateFile, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT")
      return SimHost.fresh(flavour ? { flavour } : {});
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SimStateError(
      `the simulator state file ${stateFile} is not valid JSON`,
      stateFile,
      e,
    );
  }
  const host = new SimHost();
  host.state = restoreState(json, stateFile, false);
  return host;
}

/** Write the state atomically: a temp file in the same directory, then rename. */
export async function saveSimHost(stateFile: string, host: SimHost): Promise<void> {
  await mkdir(dirname(stateFile), { recursive: true });
  const tmp = `${stateFile}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(tmp, `${JSON.stringify(host.toJSON(), null, 2)}\n`);
  await rename(tmp, stateFile);
}

export interface FileSimOptions extends StateLockOptions {
  /** Flavour of the fresh host made when the state file does not exist yet. */
  flavour?: SimFlavour;
}

/**
 * Executor on a JSON state file shared by several processes. Per command: lock
 * (`<stateFile>.lock`), load, run, save, unlock; then wait out any injected delay.
 */
export function createFileSimExecutor(stateFile: string, options: FileSimOptions = {}): Executor {
  return {
    async run(cmd: Command, opts?: { signal?: AbortSignal }): Promise<ExecResult> {
      if (opts?.signal?.aborted) throw new CommandAbortedError(argvOf(cmd));
      await mkdir(dirname(stateFile), { recursive: true });
      const release = await lockState(stateFile, options);
      let outcome: { result: ExecResult; delayMs: number };
      try {
        const host = await loadSimHost(stateFile, options.flavour);
        outcome = host.runDetailed(cmd);
        await saveSimHost(stateFile, host);
      } finally {
        await release();
      }
      return finish(cmd, outcome, opts?.signal);
    },
    async interactive(cmd: Command, io: TerminalIo): Promise<number> {
      await mkdir(dirname(stateFile), { recursive: true });
      const release = await lockState(stateFile, options);
      let prepared: ReturnType<SimHost["prepareInteractive"]>;
      try {
        const host = await loadSimHost(stateFile, options.flavour);
        prepared = host.prepareInteractive(cmd, io.isTTY);
        await saveSimHost(stateFile, host);
      } finally {
        await release();
      }
      // The session runs outside the state lock: a console open for hours blocks nobody.
      return interact(cmd, prepared, io);
    },
  };
}

function argvOf(cmd: Command): string[] {
  return [cmd.file, ...cmd.args];
}
