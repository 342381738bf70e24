import { ZmgrError } from "@zmgr/errors";

/** What every host error names: the host, and the remote command line when there was one. */
export interface HostErrorContext {
  host: string;
  /** The command line ssh handed the remote shell, if a command was being run. */
  remote?: string;
  /** ssh's exit code and stderr, when ssh ran. */
  exitCode?: number;
  stderr?: string;
}

function detailsOf(context: HostErrorContext): Record<string, unknown> {
  return { ...context };
}

function firstLine(text: string | undefined): string {
  return (
    (text ?? "")
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? ""
  );
}

/** The host could not be reached (connect, resolve, authenticate): nothing ran there. */
export class HostUnreachableError extends ZmgrError {
  constructor(context: HostErrorContext, reason = firstLine(context.stderr)) {
    super(
      "zmgr::host::unreachable",
      `host ${context.host} is unreachable${reason ? `: ${reason}` : ""}`,
      {
        help: `check that ${context.host} is up and sshd answers, and that your ssh identity (ssh config, agent or ZMGR_SSH_IDENTITY) is authorised there; \`zmgr host check ${context.host}\` tests the connection`,
        details: detailsOf(context),
      },
    );
  }
}

/** The host presented a key other than the recorded `host-key`: nothing ran. */
export class HostKeyChangedError extends ZmgrError {
  constructor(context: HostErrorContext) {
    super(
      "zmgr::host::key_changed",
      `host ${context.host} presented a host key that differs from the recorded host-key; nothing was run`,
      {
        help: `if the host was reinstalled, verify its new key out of band and record it in hosts/${context.host}.kdl; otherwise someone may be intercepting the connection`,
        details: detailsOf(context),
      },
    );
  }
}

/** The host presented a key of a type no recorded `host-key` has: nothing ran. */
export class HostKeyUnknownError extends ZmgrError {
  constructor(context: HostErrorContext) {
    super(
      "zmgr::host::key_unknown",
      `host ${context.host} presented a host key that is not recorded; nothing was run`,
      {
        help: `record the host's key in hosts/${context.host}.kdl (\`zmgr host add\` shows its fingerprints from ssh-keyscan)`,
        details: detailsOf(context),
      },
    );
  }
}

/** The connection broke while a command was running: whether it ran, and how far, is unknown. */
export class HostLostError extends ZmgrError {
  constructor(context: HostErrorContext) {
    super(
      "zmgr::host::lost",
      `the connection to host ${context.host} was lost while running \`${context.remote ?? "?"}\`; the command may or may not have run`,
      {
        help: `when ${context.host} answers again, run \`zmgr status\` to see what the host holds, then finish or undo the operation`,
        details: detailsOf(context),
      },
    );
  }
}

/** sshd kept refusing to open a session (its MaxSessions): nothing ran. */
export class HostSessionRefusedError extends ZmgrError {
  constructor(context: HostErrorContext, attempts: number) {
    super(
      "zmgr::host::session_refused",
      `host ${context.host} refused to open an ssh session ${attempts} times; nothing was run`,
      {
        help: `lower max-sessions in hosts/${context.host}.kdl below sshd's MaxSessions on that host`,
        details: { ...detailsOf(context), attempts },
      },
    );
  }
}

/** A host document field the ssh executor refuses before running ssh. */
export class HostConfigError extends ZmgrError {
  constructor(host: string, field: string, value: string, reason: string) {
    super("zmgr::host::invalid", `host ${host}: ${field} ${JSON.stringify(value)} ${reason}`, {
      help: `fix ${field} in hosts/${host}.kdl`,
      details: { host, field, value },
    });
  }
}

/** The executor was used after `close()`. */
export class HostClosedError extends ZmgrError {
  constructor(host: string) {
    super("zmgr::host::closed", `the ssh connection to host ${host} was already closed`, {
      help: "this is a bug in zmgr: a command ran after the run finished; please report it",
      details: { host },
    });
  }
}
