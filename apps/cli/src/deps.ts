import type { Executor, TerminalIo } from "@zmgr/illumos-exec";

/** Everything the program needs from the outside world, passed in so tests can run it in-process. */
export interface CliDeps {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout is a terminal: spinner, colours, tables for humans. */
  isTTY: boolean;
  /** stdin is a terminal: confirmation prompts are possible. */
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  home: string;
  hostname: string;
  pid: number;
  now: () => Date;
  /** Builds the executor for system commands. Default: execa, or the file-backed simulator. */
  createExecutor?: (opts: ExecutorRequest) => Executor | Promise<Executor>;
  /** Asks a question on the terminal and returns the answer line. */
  prompt?: (question: string) => Promise<string>;
  /** Subscribe to Ctrl-C; returns an unsubscribe function. */
  onInterrupt?: (handler: () => void) => () => void;
  /** The terminal for `login`/`console` (default: this process's stdin/stdout/stderr). */
  terminal?: TerminalIo;
  /** Is a process alive on this host (reservations, lock takeover). */
  isAlive?: (pid: number) => boolean;
}

export interface ExecutorRequest {
  simulate: boolean;
  /** Simulator state file (only meaningful with `simulate`). */
  stateFile: string;
  /** config.kdl `command-prefix`, e.g. ["pfexec"]. */
  prefix: string[];
}

/** The global options of SPEC §2, accepted before or after the subcommand. */
export interface GlobalOptions {
  registry?: string;
  json: boolean;
  dryRun: boolean;
  yes: boolean;
  color: boolean;
  verbose: boolean;
  quiet: boolean;
  simulate: boolean;
  simState?: string;
  lockTimeout: number;
}

/** Shared by every command's register function. */
export interface CliContext {
  deps: CliDeps;
  /** Set by commands that finish without throwing but must exit non-zero (validate, status). */
  exitCode: number;
  /** The global options of the running command (for error rendering). */
  lastGlobals?: GlobalOptions;
  /** `--json` was on the command line: usage errors are printed as JSON too. */
  jsonErrors?: boolean;
  /** The registry root once resolved (for source excerpts in errors). */
  registryRoot?: string;
}
