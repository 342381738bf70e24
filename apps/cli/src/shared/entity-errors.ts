import { ZmgrError } from "@zmgr/errors";

export function notFound(kind: string, name: string, listCommand: string): ZmgrError {
  return new ZmgrError(`zmgr::${kind}::not_found`, `${kind} ${name} not found`, {
    help: `run \`${listCommand}\` to see what exists`,
    details: { [kind]: name },
  });
}

export function inUse(kind: string, name: string, users: string[]): ZmgrError {
  return new ZmgrError(
    `zmgr::${kind}::in_use`,
    `${kind} ${name} is in use by ${users.join(", ")}`,
    {
      help: `remove or change ${users.length === 1 ? "it" : "them"} first`,
      details: { [kind]: name, usedBy: users },
    },
  );
}

export function invalid(
  kind: string,
  message: string,
  help: string,
  details: Record<string, unknown> = {},
): ZmgrError {
  return new ZmgrError(`zmgr::${kind}::invalid`, message, { help, details });
}
