import { ZmgrError } from "@zmgr/errors";

const URL_FORM = "etcd://host:port[,host:port…]/<prefix> (etcds:// for TLS, IPv6 as [addr]:port)";

/** An `--registry` value that starts like an etcd URL but does not follow SPEC §6's grammar. */
export class InvalidEtcdUrlError extends ZmgrError {
  constructor(shown: string, reason: string) {
    super("zmgr::registry::invalid_url", `invalid etcd URL ${shown}: ${reason}`, {
      help: `write it as ${URL_FORM}; credentials go in ZMGR_ETCD_USER and ZMGR_ETCD_PASSWORD`,
      details: { url: shown, reason },
    });
  }
}

/** User, password or client certificate set for a plain `etcd://` URL. */
export class InsecureCredentialsError extends ZmgrError {
  constructor(variables: string[]) {
    super(
      "zmgr::registry::insecure_credentials",
      `refusing to send credentials (${variables.join(", ")}) over plain etcd://`,
      {
        help: "use an etcds:// URL (TLS), or unset those variables",
        details: { variables },
      },
    );
  }
}

export interface EndpointFailure {
  endpoint: string;
  reason: string;
}

/** No endpoint answered the request. Nothing was applied. */
export class UnreachableError extends ZmgrError {
  constructor(operation: string, tried: EndpointFailure[]) {
    const list = tried.map((t) => `${t.endpoint} (${t.reason})`).join(", ");
    super("zmgr::registry::unreachable", `etcd is unreachable: ${operation} failed on ${list}`, {
      help: "check that etcd runs and this host can reach it (firewall, TLS variables), or fix the endpoints in the registry URL",
      details: { operation, tried },
    });
  }
}

/**
 * A write was sent but its reply never came (timeout, connection lost, or etcd could not tell).
 * It may or may not have been applied: the caller settles it by reading (SPEC §6, outcome unknown).
 */
export class OutcomeUnknownError extends ZmgrError {
  constructor(operation: string, endpoint: string, reason: string) {
    super(
      "zmgr::registry::outcome_unknown",
      `etcd ${operation} at ${endpoint} was sent but its outcome is unknown (${reason})`,
      {
        help: "read the registry to see whether the change was applied before running the command again",
        details: { operation, endpoint, reason },
      },
    );
  }
}

function helpFor(operation: string, grpcCode: number | undefined): string {
  if (operation === "authenticate") {
    return "check ZMGR_ETCD_USER and ZMGR_ETCD_PASSWORD, and that auth is enabled on etcd";
  }
  if (grpcCode === 7 || grpcCode === 16) {
    return "check ZMGR_ETCD_USER and its role's permissions on the registry prefix";
  }
  return "check etcd's logs and state (etcdctl endpoint status), then run the command again";
}

/** etcd answered with an error (permission denied, compacted revision, bad request, …). */
export class EtcdServerError extends ZmgrError {
  readonly grpcCode: number | undefined;
  constructor(operation: string, endpoint: string, message: string, grpcCode: number | undefined) {
    super("zmgr::registry::etcd_error", `etcd refused ${operation} at ${endpoint}: ${message}`, {
      help: helpFor(operation, grpcCode),
      details: {
        operation,
        endpoint,
        etcdMessage: message,
        ...(grpcCode === undefined ? {} : { grpcCode }),
      },
    });
    this.grpcCode = grpcCode;
  }
}

/** A request over etcd's limits (128 operations per txn list, 1.5 MiB): never sent. */
export class RequestTooLargeError extends ZmgrError {
  constructor(operation: string, what: string) {
    super("zmgr::registry::request_too_large", `etcd ${operation} not sent: ${what}`, {
      help: "this is a zmgr bug (requests must be batched under etcd's limits); please report it",
      details: { operation, what },
    });
  }
}

/** A PEM file named by ZMGR_ETCD_CA / _CERT / _KEY cannot be read. */
export class TlsFileError extends ZmgrError {
  constructor(variable: string, path: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? "unknown error";
    super("zmgr::registry::tls_file", `cannot read ${variable}=${path} (${code})`, {
      help: `point ${variable} at a readable PEM file`,
      cause,
      details: { variable, path },
    });
  }
}
