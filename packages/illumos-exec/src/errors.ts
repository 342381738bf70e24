import { ZmgrError } from "@zmgr/errors";
import { shellJoin } from "./posix-quote.js";
import type { Command, ExecResult } from "./types.js";

/** The argv of a command as one display line; arguments with blanks or quotes are single-quoted. */
export function formatArgv(argv: readonly string[]): string {
  return shellJoin(argv);
}

export function argvOf(command: Command): string[] {
  return [command.file, ...command.args];
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? ""
  );
}

/** A system command exited non-zero. details: { argv, exitCode, stderr }. */
export class CommandFailedError extends ZmgrError {
  readonly argv: string[];
  readonly exitCode: number;
  readonly stderr: string;
  constructor(argv: string[], result: ExecResult) {
    const line = firstLine(result.stderr);
    super(
      "zmgr::exec::command_failed",
      `\`${formatArgv(argv)}\` failed with exit code ${result.exitCode}${line ? `: ${line}` : ""}`,
      {
        help: "read the command's error output; fix the cause on the host and run zmgr again",
        details: { argv, exitCode: result.exitCode, stderr: result.stderr },
      },
    );
    this.argv = argv;
    this.exitCode = result.exitCode;
    this.stderr = result.stderr;
  }
}

/** The program to run does not exist (ENOENT): not an illumos host, or PATH lacks /usr/sbin. */
export class CommandNotFoundError extends ZmgrError {
  /** `viaPrefix`: the missing program is the command-prefix (e.g. pfexec), not the tool itself. */
  readonly file: string;
  readonly argv: string[];
  readonly viaPrefix: boolean;
  constructor(file: string, argv: string[], cause?: unknown, viaPrefix = false) {
    super("zmgr::exec::not_found", `command not found: ${file}`, {
      help: viaPrefix
        ? `${file} comes from command-prefix in config.kdl; install it or change command-prefix (on a host without illumos use --simulate)`
        : "zmgr needs an illumos host with zoneadm, zonecfg and dladm (in /usr/sbin); to try zmgr elsewhere run it with --simulate",
      cause,
      details: { file, argv },
    });
    this.file = file;
    this.argv = argv;
    this.viaPrefix = viaPrefix;
  }
}

/** The command was refused for lack of privileges (EACCES, or the tool said so on stderr). */
export class PermissionDeniedError extends ZmgrError {
  readonly stderr: string;
  readonly argv: string[];
  /** The privilege complaint (or errno) that refused the command. */
  readonly reason: string;
  constructor(argv: string[], reason: string, stderr = "", cause?: unknown) {
    super("zmgr::exec::permission_denied", `\`${formatArgv(argv)}\` was refused: ${reason}`, {
      help: 'run zmgr as root, or as a user with the Zone Management and Network Management profiles and command-prefix "pfexec" in config.kdl',
      cause,
      details: { argv, stderr },
    });
    this.stderr = stderr;
    this.argv = argv;
    this.reason = reason;
  }
}

/** A running command was stopped through its AbortSignal. */
export class CommandAbortedError extends ZmgrError {
  readonly argv: string[];
  constructor(argv: string[]) {
    super("zmgr::exec::aborted", `\`${formatArgv(argv)}\` was interrupted`, {
      help: "the command was stopped on request; check the host state with `zmgr status`",
      details: { argv },
    });
    this.argv = argv;
  }
}

/** A value that cannot be written safely into a zonecfg script. */
export class UnsafeValueError extends ZmgrError {
  readonly field: string;
  readonly value: string;
  readonly reason: string;
  constructor(field: string, value: string, reason: string) {
    super("zmgr::exec::unsafe_value", `${field} value ${JSON.stringify(value)} ${reason}`, {
      help: "zonecfg cannot quote this value: remove the character from the template, pool or zone file",
      details: { field, value },
    });
    this.field = field;
    this.value = value;
    this.reason = reason;
  }
}

/** Output of a system command that does not have the documented shape. */
export class UnexpectedOutputError extends ZmgrError {
  readonly what: string;
  readonly line: string;
  constructor(what: string, line: string) {
    super("zmgr::exec::unexpected_output", `cannot parse ${what}: ${JSON.stringify(line)}`, {
      help: "this illumos release prints a format zmgr does not know; please report it with the output",
      details: { what, line },
    });
    this.what = what;
    this.line = line;
  }
}

// zoneadm: "only a privileged user may …", "User x is not authorized …"; dladm: "permission denied";
// zonecfg: "Permission denied"; zlogin: "You lack sufficient privilege"; pkg: "Insufficient access".
const PRIVILEGE_PATTERNS =
  /permission denied|not privileged|insufficient privilege|only a privileged user|lack sufficient privilege|is not authorized|insufficient access/i;

/** The privilege complaint in a command's stderr, if any. */
export function privilegeComplaint(stderr: string): string | undefined {
  return stderr
    .split("\n")
    .find((l) => PRIVILEGE_PATTERNS.test(l))
    ?.trim();
}

/** The error a wrapper throws for a command that exited non-zero. */
export function failureOf(command: Command, result: ExecResult): ZmgrError {
  const argv = argvOf(command);
  const complaint = privilegeComplaint(result.stderr);
  if (complaint !== undefined) return new PermissionDeniedError(argv, complaint, result.stderr);
  return new CommandFailedError(argv, result);
}
