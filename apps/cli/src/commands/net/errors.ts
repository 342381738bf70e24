import { type Diagnostic, ZmgrError } from "@zmgr/errors";

/** `net add`/`net remove` pre-flight found problems: nothing ran. */
export class NetPreflightError extends ZmgrError {
  readonly diagnostics: Diagnostic[];
  constructor(verb: "add" | "remove", zone: string, net: string, diagnostics: Diagnostic[]) {
    const first = diagnostics[0];
    const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more problem(s))` : "";
    const what =
      verb === "add" ? `add net ${net} to zone ${zone}` : `remove net ${net} of zone ${zone}`;
    super(
      first?.code ?? "zmgr::net::preflight",
      `cannot ${what}: ${first?.message ?? "pre-flight failed"}${more}`,
      {
        help: first?.help ?? "fix the problems above and run it again; nothing was changed",
        details: { zone, net, diagnostics },
        ...(first?.location ? { location: first.location } : {}),
      },
    );
    this.diagnostics = diagnostics;
  }
}

/** A net add or remove that ran and failed (its report was printed). */
export class NetFailedError extends ZmgrError {
  constructor(
    verb: "add" | "remove",
    zone: string,
    net: string,
    reason: string,
    cleanup: string[],
  ) {
    super(`zmgr::net::${verb}_failed`, `net ${verb} ${zone} ${net}: ${reason}`, {
      help:
        cleanup.length > 0
          ? "finish by hand with the commands above"
          : verb === "add"
            ? "fix the cause shown above and run it again; the add was rolled back"
            : `fix the cause shown above and run \`zmgr net remove ${zone} ${net}\` again to finish`,
      details: { zone, net, ...(cleanup.length ? { cleanup } : {}) },
    });
  }
}
