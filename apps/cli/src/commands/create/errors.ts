import { type Diagnostic, ZmgrError } from "@zmgr/errors";

/** Pre-flight found problems: nothing ran. `details.diagnostics` holds them all. */
export class PreflightError extends ZmgrError {
  readonly diagnostics: Diagnostic[];
  constructor(zone: string, diagnostics: Diagnostic[]) {
    const first = diagnostics[0];
    const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more problem(s))` : "";
    super(
      first?.code ?? "zmgr::create::preflight",
      `cannot create zone ${zone}: ${first?.message ?? "pre-flight failed"}${more}`,
      {
        help: first?.help ?? "fix the problems above and run create again; nothing was changed",
        details: { zone, diagnostics },
        ...(first?.location ? { location: first.location } : {}),
      },
    );
    this.diagnostics = diagnostics;
  }
}

/** One pre-flight problem as a Diagnostic (the same shape validate produces). */
export function problem(
  code: string,
  message: string,
  help: string,
  file?: string,
  path?: string[],
): Diagnostic {
  return {
    code,
    severity: "error",
    message,
    help,
    ...(file ? { file } : {}),
    ...(path ? { path } : {}),
  };
}

export class ZoneBusyError extends ZmgrError {
  constructor(zone: string, pid: number | undefined, host: string | undefined, elsewhere = false) {
    super(
      "zmgr::destroy::create_running",
      elsewhere
        ? `zone ${zone} is creating by ${host} (pid ${pid ?? "?"}), another machine: zmgr cannot see whether it still runs`
        : `zone ${zone} is still being created (pid ${pid ?? "?"} on ${host ?? "?"})`,
      {
        help: elsewhere
          ? `let it finish on ${host}; if that create no longer runs, settle it with \`zmgr destroy ${zone} --force\``
          : "wait for that create to finish (or stop it with Ctrl-C), then run destroy again",
        details: { zone, pid, host },
      },
    );
  }
}

export class ZoneNotRegisteredError extends ZmgrError {
  constructor(zone: string, onHost: boolean) {
    super(
      "zmgr::zone::not_registered",
      onHost
        ? `zone ${zone} exists on the host but is not in the registry`
        : `zone ${zone} is not in the registry`,
      {
        help: onHost
          ? `zmgr manages only registered zones: adopt it with \`zmgr import ${zone}\``
          : "run `zmgr list` to see the zones zmgr knows",
        details: { zone },
      },
    );
  }
}
