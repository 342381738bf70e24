import { CommandAbortedError, CommandNotFoundError, PermissionDeniedError } from "./errors.js";
import { spawnWithTerminal } from "./terminal-spawn.js";
import type { Command, ExecResult, Executor, TerminalIo } from "./types.js";

export interface ExecaExecutorOptions {
  /** Run every command through this prefix, e.g. `["pfexec"]` → `pfexec zoneadm …`. */
  prefix?: string[];
  /** Extra environment variables (merged over the current environment). */
  env?: Record<string, string>;
}

function errnoOf(cause: unknown): string | undefined {
  if (typeof cause === "object" && cause !== null && "code" in cause) {
    const code = (cause as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/**
 * The only code in zmgr that spawns processes: argv arrays, never a shell. A non-zero exit is a
 * result, not an error; a missing program, a refused spawn and an abort are errors.
 */
export function createExecaExecutor(options: ExecaExecutorOptions = {}): Executor {
  const prefix = options.prefix ?? [];
  return {
    async run(command: Command, runOptions: { signal?: AbortSignal } = {}): Promise<ExecResult> {
      const argv = [...prefix, command.file, ...command.args];
      const [file, ...args] = argv as [string, ...string[]];
      // Loaded on first use: importing this package (name rules, parsers) must not load execa.
      const { execa } = await import("execa");
      const binary = command.encoding === "buffer";
      const result = await execa(file, args, {
        shell: false,
        reject: false,
        stripFinalNewline: false,
        // stdout of a binary command (tar) as bytes; stderr is decoded below either way
        encoding: binary ? "buffer" : "utf8",
        extendEnv: true,
        ...(options.env ? { env: options.env } : {}),
        ...(command.stdin !== undefined ? { input: command.stdin } : { stdin: "ignore" }),
        ...(runOptions.signal ? { cancelSignal: runOptions.signal } : {}),
      });
      const failed = spawnFailure(result, argv, prefix.length > 0, binary);
      if (failed) return failed;
      return {
        exitCode: result.exitCode ?? 0,
        ...stdoutOf(result.stdout, binary),
        stderr: textOf(result.stderr),
      };
    },

    async interactive(command: Command, io: TerminalIo): Promise<number> {
      const argv = [...prefix, command.file, ...command.args];
      const [file, ...args] = argv as [string, ...string[]];
      const result = await spawnWithTerminal(file, args, io, options.env);
      const failed = spawnFailure(result, argv, prefix.length > 0, false);
      return failed ? failed.exitCode : (result.exitCode ?? 0);
    },
  };
}

/** A spawn that did not give an exit code: abort, missing program, refused exec, or a signal. */
function spawnFailure(
  result: {
    isCanceled: boolean;
    exitCode?: number | undefined;
    cause?: unknown;
    signal?: string | undefined;
    stdout?: unknown;
    stderr?: unknown;
    originalMessage?: string | undefined;
  },
  argv: string[],
  prefixed: boolean,
  binary: boolean,
): ExecResult | undefined {
  const file = argv[0] as string;
  if (result.isCanceled) throw new CommandAbortedError(argv);
  if (result.exitCode === undefined) {
    const errno = errnoOf(result.cause);
    if (errno === "ENOENT") {
      throw new CommandNotFoundError(file, argv, result.cause, prefixed);
    }
    if (errno === "EACCES" || errno === "EPERM") {
      throw new PermissionDeniedError(
        argv,
        `${file} may not be executed (${errno})`,
        "",
        result.cause,
      );
    }
    return {
      exitCode: 128 + signalNumber(result.signal),
      ...stdoutOf(result.stdout, binary),
      stderr: textOf(result.stderr) || (result.originalMessage ?? ""),
    };
  }
  return undefined;
}

function textOf(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  return String(value ?? "");
}

function stdoutOf(value: unknown, binary: boolean): Pick<ExecResult, "stdout" | "stdoutBytes"> {
  if (!binary) return { stdout: textOf(value) };
  return { stdout: "", stdoutBytes: value instanceof Uint8Array ? value : new Uint8Array() };
}

const SIGNALS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGKILL: 9,
  SIGSEGV: 11,
  SIGTERM: 15,
};

function signalNumber(signal: string | undefined): number {
  return signal === undefined ? 0 : (SIGNALS[signal] ?? 0);
}
