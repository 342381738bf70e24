import { appendFile, mkdir, rm, symlink } from "node:fs/promises";
import { join } from "node:path";
import { isZmgrError } from "@zmgr/errors";
import type { ExecResult, TerminalIo } from "@zmgr/illumos-exec";
import { createFileSimExecutor } from "./sim-executor.js";
import { baseName } from "./sim-util.js";

/** The names `zmgr-sim` answers to. */
export const SIM_PROGRAMS = ["zoneadm", "zonecfg", "dladm", "pkg", "zlogin", "tar"] as const;

/**
 * Entry of the `zmgr-sim` executable: acts as zoneadm/zonecfg/dladm/pkg by the basename of
 * `argv0` (`pfexec` and `zmgr-sim` shift one argument), on the state file `$ZMGR_SIM_STATE`.
 * `$ZMGR_SIM_FLAVOUR=illumos` picks the upstream flavour for a new state file;
 * `$ZMGR_SIM_LOCK_TIMEOUT_MS` how long to wait for the state lock (default 30 s). `$ZMGR_SIM_LOG`
 * names a file that gets one line per command run (its argv joined by spaces), for tests that
 * count host commands. `tar` answers with bytes (`stdoutBytes`).
 */
export async function simMain(
  argv0: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  io: { stdin: string },
): Promise<ExecResult> {
  const { name, rest } = simProgram(argv0, args);
  if (!(SIM_PROGRAMS as readonly string[]).includes(name)) {
    return {
      exitCode: 1,
      stdout: "",
      stderr: `zmgr-sim: cannot act as '${name}': call it as zoneadm, zonecfg, dladm, pkg, zlogin or tar (a symlink, or zmgr-sim <command> …)\n`,
    };
  }
  const stateFile = env.ZMGR_SIM_STATE;
  if (!stateFile) {
    return {
      exitCode: 1,
      stdout: "",
      stderr:
        "zmgr-sim: ZMGR_SIM_STATE is not set: point it at the simulator state file (created if missing), e.g. ZMGR_SIM_STATE=/tmp/zmgr-sim.json\n",
    };
  }
  const flavour = env.ZMGR_SIM_FLAVOUR === "illumos" ? "illumos" : "omnios";
  const timeoutMs = Number(env.ZMGR_SIM_LOCK_TIMEOUT_MS);
  try {
    if (env.ZMGR_SIM_LOG) await appendFile(env.ZMGR_SIM_LOG, `${[name, ...rest].join(" ")}\n`);
    return await createFileSimExecutor(stateFile, {
      flavour,
      ...(timeoutMs > 0 ? { timeoutMs } : {}),
    }).run({
      file: name,
      args: rest,
      stdin: io.stdin,
      ...(name === "tar" ? { encoding: "buffer" as const } : {}),
    });
  } catch (e) {
    const help = isZmgrError(e) ? `\nhelp: ${e.help}` : "";
    return { exitCode: 1, stdout: "", stderr: `zmgr-sim: ${(e as Error).message}${help}\n` };
  }
}

/** The program `zmgr-sim` acts as: the basename of argv0, after `pfexec`/`zmgr-sim` shifts. */
export function simProgram(argv0: string, args: string[]): { name: string; rest: string[] } {
  let name = baseName(argv0);
  let rest = args;
  while ((name === "pfexec" || name.startsWith("zmgr-sim")) && rest.length > 0) {
    name = baseName(rest[0] ?? "");
    rest = rest.slice(1);
  }
  return { name, rest };
}

/**
 * `zmgr-sim` as `zlogin`: streams on the process's terminal or pipes (`zlogin -C`, a login
 * shell, or a command whose output goes straight out); resolves to zlogin's exit status.
 */
export async function simInteractiveMain(
  rest: string[],
  env: NodeJS.ProcessEnv,
  io: TerminalIo,
): Promise<number> {
  const stateFile = env.ZMGR_SIM_STATE;
  if (!stateFile) {
    io.stderr.write("zmgr-sim: ZMGR_SIM_STATE is not set: point it at the simulator state file\n");
    return 1;
  }
  const flavour = env.ZMGR_SIM_FLAVOUR === "illumos" ? "illumos" : "omnios";
  try {
    const exec = createFileSimExecutor(stateFile, { flavour });
    return await (exec.interactive as NonNullable<typeof exec.interactive>)(
      { file: "zlogin", args: rest },
      io,
    );
  } catch (e) {
    const help = isZmgrError(e) ? `\nhelp: ${e.help}` : "";
    io.stderr.write(`zmgr-sim: ${(e as Error).message}${help}\n`);
    return 1;
  }
}

/** Symlinks zoneadm, zonecfg, dladm, pkg, zlogin and tar → `simBinPath` in `dir` (replacing old ones). */
export async function writeSimBinLinks(dir: string, simBinPath: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const made: string[] = [];
  for (const name of SIM_PROGRAMS) {
    const p = join(dir, name);
    await rm(p, { force: true });
    await symlink(simBinPath, p);
    made.push(p);
  }
  return made;
}
