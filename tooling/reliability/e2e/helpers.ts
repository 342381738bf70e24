// Shared by the reliability suites: a temporary "machine" with the BUILT zmgr, `zmgr-sim` on PATH
// as zoneadm/zonecfg/dladm/pkg, a simulator state file and a registry directory.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type FaultSpec,
  loadSimHost,
  SIM_PROGRAMS,
  type SimHost,
  type SimState,
  saveSimHost,
  writeSimBinLinks,
} from "@zmgr/illumos-sim";
import { execa } from "execa";
import { inject, onTestFinished } from "vitest";

/** `ZMGR_CLI_DIR` may point at a private copy (scripts/snapshot-cli.mjs) in a shared checkout. */
const cliDir =
  process.env.ZMGR_CLI_DIR ??
  dirname(createRequire(import.meta.url).resolve("@zmgr/cli/package.json"));
/** The built CLI (turbo builds it before `test:e2e`; locally `pnpm --filter @zmgr/cli... build`). */
export const ZMGR = join(cliDir, "dist/zmgr.js");
export const ZMGR_SIM = join(cliDir, "dist/zmgr-sim.js");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ExitResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A zmgr process started in the background (its own process group, so signals can reach it all). */
export interface Started {
  child: ChildProcess;
  pid: number;
  /** Output so far. */
  out: { stdout: string; stderr: string };
  /** Resolves when the process has exited (and been reaped). */
  done: Promise<ExitResult>;
}

export interface World {
  dir: string;
  bin: string;
  registry: string;
  stateFile: string;
  /** Every argv the simulated commands got (only with `record: true`), program basename first. */
  argvLog: string;
  env: NodeJS.ProcessEnv;
  zmgr(...args: string[]): Promise<RunResult>;
  start(...args: string[]): Started;
  /** `start` with extra environment variables (e.g. a per-process `ZMGR_ARGV_LOG`). */
  startWith(env: NodeJS.ProcessEnv, ...args: string[]): Started;
  inject(...faults: FaultSpec[]): Promise<void>;
  /** Drops every injected fault (and the delay log). */
  clearFaults(): Promise<void>;
  /** Changes the simulated host directly (zones made by hand, …). */
  editHost(edit: (host: SimHost) => void): Promise<void>;
  sim(): Promise<SimState>;
  /** The host as JSON without counters, faults and the delay log (what a rollback must restore). */
  hostState(): Promise<string>;
  /** Every registry file, path → text, the lock file excluded. */
  files(): Promise<Record<string, string>>;
  argvs(): Promise<string[][]>;
}

export interface WorldOptions {
  /** Put argv-recording shims on PATH instead of plain symlinks. */
  record?: boolean;
  /** Run `zmgr init` (default true). */
  init?: boolean;
}

/**
 * A fresh temp directory inside this run's private root (e2e/global-setup.ts; `tmpdir()` when a
 * file runs without it), removed after the CALLING test passes. Kept after a failure, or with
 * RELIABILITY_KEEP. Must be called inside a test: `onTestFinished` binds it to that test only.
 */
export async function tempWorldDir(prefix: string): Promise<string> {
  const root = inject("reliabilityRoot") ?? tmpdir();
  const dir = await mkdtemp(join(root, prefix));
  onTestFinished(async (ctx) => {
    if (ctx.task.result?.state === "pass" && !process.env.RELIABILITY_KEEP)
      await rm(dir, { recursive: true, force: true });
  });
  return dir;
}

export async function world(opts: WorldOptions = {}): Promise<World> {
  const dir = await tempWorldDir("world-");
  const bin = join(dir, "bin");
  const registry = join(dir, "registry");
  const stateFile = join(dir, "sim-state.json");
  const argvLog = join(dir, "argv.log");
  if (opts.record) await writeRecordingShims(bin, argvLog);
  else await writeSimBinLinks(bin, ZMGR_SIM);
  const env: NodeJS.ProcessEnv = {
    PATH: `${bin}:${process.env.PATH ?? ""}`,
    HOME: dir,
    ZMGR_SIM_STATE: stateFile,
    ZMGR_ARGV_LOG: argvLog,
    NO_COLOR: "1",
  };
  const argv = (args: string[]) => [ZMGR, "--registry", registry, ...args];
  const w: World = {
    dir,
    bin,
    registry,
    stateFile,
    argvLog,
    env,
    async zmgr(...args) {
      const r = await execa(process.execPath, argv(args), {
        env,
        extendEnv: false,
        reject: false,
        stdin: "ignore",
        timeout: 600_000, // a guard against a hung process, not a speed limit
      });
      // A guard kill is no exit code of zmgr's: say so (it read as "exit 128, no stderr").
      const guard = r.timedOut ? `\n[test] killed after 600 s: zmgr ${args.join(" ")}\n` : "";
      return {
        code: r.exitCode ?? 128,
        stdout: String(r.stdout),
        stderr: String(r.stderr) + guard,
      };
    },
    start: (...args) => startProcess(argv(args), env),
    startWith: (extra, ...args) => startProcess(argv(args), { ...env, ...extra }),
    async inject(...faults) {
      const host = await loadSimHost(stateFile);
      for (const f of faults) host.inject(f);
      await saveSimHost(stateFile, host);
    },
    async clearFaults() {
      const host = await loadSimHost(stateFile);
      host.state.faults = [];
      host.state.delays = [];
      await saveSimHost(stateFile, host);
    },
    async editHost(edit) {
      const host = await loadSimHost(stateFile);
      edit(host);
      await saveSimHost(stateFile, host);
    },
    async sim() {
      return JSON.parse(await readFile(stateFile, "utf8")) as SimState;
    },
    async hostState() {
      return hostStateOf(await w.sim());
    },
    files: () => readTree(registry, dir),
    async argvs() {
      if (!existsSync(argvLog)) return [];
      const text = await readFile(argvLog, "utf8");
      return text
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as string[]);
    },
  };
  if (opts.init !== false) {
    const r = await w.zmgr("init");
    if (r.code !== 0 || !existsSync(registry))
      throw new Error(
        `setup: zmgr init failed (exit ${r.code}) in ${dir}:\n${r.stderr}${r.stdout}`,
      );
    // Materialise the simulator state file so faults can be injected before the first command.
    await w.inject();
  }
  return w;
}

/** Drops counters (ids, serials), injected faults and the delay log: they move on a real host too. */
export function hostStateOf(state: SimState): string {
  const { faults: _f, delays: _d, nextZoneId: _z, nextDebugId: _i, serial: _s, ...rest } = state;
  return JSON.stringify(rest, null, 1);
}

/** Any node script in the background, in its own process group (as `World.start`). */
export function startProcess(argv: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, argv, {
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = { stdout: "", stderr: "" };
  child.stdout?.setEncoding("utf8").on("data", (d: string) => {
    out.stdout += d;
  });
  child.stderr?.setEncoding("utf8").on("data", (d: string) => {
    out.stderr += d;
  });
  const done = new Promise<ExitResult>((res) => {
    child.on("close", (code, signal) => res({ code, signal, ...out }));
  });
  if (child.pid === undefined) throw new Error("spawn failed");
  return { child, pid: child.pid, out, done };
}

/**
 * Sends `signal` to a started zmgr (`group`: to its whole process group) unless it has already
 * exited: once Node has reaped it, its pid (and group id) may belong to an unrelated process.
 * Returns whether the signal was sent.
 */
export function signal(p: Started, sig: NodeJS.Signals, opts: { group?: boolean } = {}): boolean {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return false;
  if (!opts.group) return p.child.kill(sig);
  try {
    process.kill(-p.pid, sig);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw e;
  }
}

/** Is any process of the group `pgid` still alive (e.g. an orphaned zmgr-sim)? */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Waits until every process of the group has exited (a kill -9 of zmgr orphans its children). */
export async function waitGroupGone(pgid: number): Promise<void> {
  while (groupAlive(pgid)) await sleep(20);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `cond` until it holds (no deadline of its own: vitest's test timeout is the limit). */
export async function until(cond: () => boolean | Promise<boolean>, everyMs = 20): Promise<void> {
  while (!(await cond())) await sleep(everyMs);
}

/**
 * PATH shims named zoneadm/zonecfg/dladm/pkg: each appends its exact argv (as JSON, program
 * basename first) to `$ZMGR_ARGV_LOG` (the world's log unless a process was started with its
 * own), then runs the built zmgr-sim in the same process.
 */
async function writeRecordingShims(bin: string, log: string): Promise<void> {
  await mkdir(bin, { recursive: true });
  const sim = pathToFileURL(ZMGR_SIM).href;
  for (const name of SIM_PROGRAMS) {
    const body = [
      `#!${process.execPath}`,
      `require("node:fs").appendFileSync(process.env.ZMGR_ARGV_LOG || ${JSON.stringify(log)}, JSON.stringify([${JSON.stringify(name)}, ...process.argv.slice(2)]) + "\\n");`,
      `import(${JSON.stringify(sim)});`,
      "",
    ].join("\n");
    await writeFile(join(bin, name), body, { mode: 0o755 });
  }
}

async function readTree(root: string, worldDir: string): Promise<Record<string, string>> {
  if (!existsSync(root)) {
    // Nothing in zmgr removes a registry root; say plainly what is left of the world.
    const what = [worldDir, root].map((p) => `${p}: ${existsSync(p) ? "exists" : "missing"}`);
    throw new Error(
      `the registry directory vanished while its test ran (${what.join(", ")}); something outside this test removed it`,
    );
  }
  const files: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name === ".zmgr.lock") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files[relative(root, path)] = await readFile(path, "utf8");
    }
  };
  await walk(root);
  return files;
}
