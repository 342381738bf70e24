import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { CommandAbortedError, CommandNotFoundError } from "./errors.js";
import { spawnWithTerminal } from "./terminal-spawn.js";
import type { TerminalIo } from "./types.js";

/** One finished ssh process. `exitCode` is 255 for ssh's own failures. */
export interface SshOutcome {
  exitCode: number;
  stdout: string;
  stdoutBytes?: Uint8Array;
  stderr: string;
}

export interface SshSpawnOptions {
  stdin?: string | Uint8Array;
  binary?: boolean;
  signal?: AbortSignal;
}

/** Everything the ssh executor does outside itself: processes, its private dir, time. */
export interface SshDeps {
  /** Runs the ssh client with an argv (never a shell). */
  spawn(args: string[], options: SshSpawnOptions): Promise<SshOutcome>;
  /** Runs ssh with the terminal passed through; resolves its exit status. */
  spawnInteractive(args: string[], io: TerminalIo): Promise<number>;
  /** Creates the private directory (mode 700, short path). */
  makePrivateDir(): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  /** Names in a directory ([] when it is gone). */
  list(dir: string): Promise<string[]>;
  removeDir(dir: string): Promise<void>;
  sleep(ms: number): Promise<void>;
  env: Record<string, string | undefined>;
}

function textOf(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  return String(value ?? "");
}

/** The real dependencies: the system's `ssh` through execa, files under /tmp. */
export function defaultSshDeps(sshBinary = "ssh"): SshDeps {
  return {
    async spawn(args, options) {
      const { execa } = await import("execa");
      const result = await execa(sshBinary, args, {
        shell: false,
        reject: false,
        stripFinalNewline: false,
        encoding: options.binary ? "buffer" : "utf8",
        ...(options.stdin !== undefined ? { input: options.stdin } : { stdin: "ignore" }),
        ...(options.signal ? { cancelSignal: options.signal } : {}),
      });
      const argv = [sshBinary, ...args];
      if (result.isCanceled) throw new CommandAbortedError(argv);
      if (result.exitCode === undefined) {
        const code = (result.cause as { code?: unknown } | undefined)?.code;
        if (code === "ENOENT") throw new CommandNotFoundError(sshBinary, argv, result.cause);
        return {
          exitCode: 255,
          stdout: "",
          stderr: textOf(result.stderr) || (result.originalMessage ?? ""),
        };
      }
      const stdout = options.binary
        ? {
            stdout: "",
            stdoutBytes: result.stdout instanceof Uint8Array ? result.stdout : new Uint8Array(),
          }
        : { stdout: textOf(result.stdout) };
      return { exitCode: result.exitCode, ...stdout, stderr: textOf(result.stderr) };
    },
    async spawnInteractive(args, io) {
      const result = await spawnWithTerminal(sshBinary, args, io);
      if (result.exitCode === undefined) {
        const code = (result.cause as { code?: unknown } | undefined)?.code;
        if (code === "ENOENT")
          throw new CommandNotFoundError(sshBinary, [sshBinary, ...args], result.cause);
        return 255;
      }
      return result.exitCode;
    },
    // /tmp, not os.tmpdir(): a long TMPDIR would push the control socket past its length limit.
    makePrivateDir: () => mkdtemp("/tmp/zmgr-ssh-"),
    writeFile: (path, text) => writeFile(path, text, { mode: 0o600 }),
    list: (dir) => readdir(dir).catch(() => []),
    removeDir: (dir) => rm(dir, { recursive: true, force: true }),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    env: process.env,
  };
}
