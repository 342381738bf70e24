// Test helpers (not part of the build): run the program in-process on a SimHost and a temp registry.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { Executor } from "@zmgr/illumos-exec";
import { createSimExecutor, SimHost } from "@zmgr/illumos-sim";
import type { CliDeps } from "./deps.js";
import { runCli } from "./run.js";
// The program loads each command's implementation lazily (`await import()` in its action). Tests
// load them with this file instead, while vitest collects a test file (no timeout), not inside
// the file's first test: transforming them there took up to 18 s of its 20 s on a loaded machine.
import "./commands/completion/run.js";
import "./commands/create/run.js";
import "./commands/destroy/run.js";
import "./shared/errors.js";
import "./commands/fmt/run.js";
import "./commands/init/run.js";
import "./shared/output.js";
import "./commands/pool/edit.js";
import "./commands/pool/run.js";
import "./shared/progress.js";
import "./commands/publisher/run.js";
import "./shared/session.js";
import "./commands/show/run.js";
import "./commands/status/check.js";
import "./commands/template/run.js";
import "./shared/zone-action.js";
import "./shared/zone-join.js";
import "@zmgr/importer";
import "@zmgr/validate";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TestEnv {
  root: string;
  host: SimHost;
  deps: CliDeps;
  /** every argv the program ran, in order */
  commands: string[][];
  run(...args: string[]): Promise<RunResult>;
  /** a run without the `--registry <root>` prefix */
  runBare(...args: string[]): Promise<RunResult>;
  /** `--json` run, stdout parsed */
  json<T = unknown>(...args: string[]): Promise<{ code: number; value: T; stderr: string }>;
  /** every registry file (path → bytes as text), the lock excluded */
  files(): Promise<Record<string, string>>;
  /** The host's zones, links, datasets and publishers as JSON (see `hostState`). */
  hostState(): string;
  cleanup(): Promise<void>;
  /** fires the registered Ctrl-C handlers */
  interrupt(): void;
}

export const TEST_PID = 4242;

export async function testEnv(
  opts: { host?: SimHost; init?: boolean; wrap?: (e: Executor, env: TestEnv) => Executor } = {},
): Promise<TestEnv> {
  const root = await mkdtemp(join(tmpdir(), "zmgr-cli-"));
  const host = opts.host ?? SimHost.fresh();
  let out: string[] = [];
  let err: string[] = [];
  const handlers = new Set<() => void>();
  const commands: string[][] = [];
  const env: TestEnv = {
    root,
    host,
    commands,
    deps: {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      isTTY: false,
      stdinIsTTY: false,
      env: {},
      home: root,
      hostname: "testhost",
      pid: TEST_PID,
      now: () => new Date("2026-03-22T10:00:00.000Z"),
      isAlive: (pid) => pid === TEST_PID,
      onInterrupt: (h) => {
        handlers.add(h);
        return () => handlers.delete(h);
      },
      createExecutor: () => {
        const sim = createSimExecutor(host);
        const counting: Executor = {
          run: (cmd, o) => {
            commands.push([cmd.file, ...cmd.args]);
            return sim.run(cmd, o);
          },
          interactive: (cmd, io) => {
            commands.push([cmd.file, ...cmd.args]);
            return (sim.interactive as NonNullable<Executor["interactive"]>)(cmd, io);
          },
        };
        return opts.wrap ? opts.wrap(counting, env) : counting;
      },
    },
    run: (...args) => env.runBare("--registry", root, ...args),
    async runBare(...args) {
      out = [];
      err = [];
      const code = await runCli(args, env.deps);
      return { code, stdout: out.join(""), stderr: err.join("") };
    },
    async json(...args) {
      const r = await env.run("--json", ...args);
      let value: unknown;
      try {
        value = r.stdout === "" ? undefined : JSON.parse(r.stdout);
      } catch {
        throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout}\nstderr:\n${r.stderr}`);
      }
      return { code: r.code, value: value as never, stderr: r.stderr };
    },
    files: () => readTree(root),
    hostState: () => hostState(host),
    cleanup: () => rm(root, { recursive: true, force: true }),
    interrupt: () => {
      for (const h of handlers) h();
    },
  };
  if (opts.init !== false) {
    const r = await env.run("init");
    if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
  }
  return env;
}

async function readTree(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".zmgr.lock")) await walk(path);
      } else if (!entry.name.startsWith(".zmgr.lock"))
        files[relative(root, path)] = await readFile(path, "utf8");
    }
  };
  await walk(root);
  return files;
}

/**
 * What a host holds, as JSON: zones, links, datasets, publishers. Left out: injected faults and
 * delays (test machinery) and the monotonic counters (next zone id, debug id, uuid/MAC serial),
 * which move forward on a real host too.
 */
export function hostState(host: SimHost): string {
  const {
    faults: _f,
    delays: _d,
    nextZoneId: _z,
    nextDebugId: _i,
    serial: _s,
    ...rest
  } = host.toJSON() as unknown as Record<string, unknown>;
  return JSON.stringify(rest, null, 1);
}
