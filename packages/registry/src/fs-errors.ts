import { existsSync } from "node:fs";
import { isZmgrError } from "@zmgr/errors";
import { ReadOnlyError, RegistryNotFoundError, UnreadableError } from "./errors.js";

const WRITE_DENIED = new Set(["EACCES", "EPERM", "EROFS"]);
const READ_DENIED = new Set(["EACCES", "EPERM", "ENOTDIR", "EISDIR", "EIO"]);

/**
 * Turns a file-system failure into the registry error a user can act on: a missing root is
 * `not_found` (pointing to `zmgr init`), a refused write `read_only`, a refused read `unreadable`.
 * Anything else (and errors that already are ZmgrErrors) is returned unchanged.
 */
export function toStorageError(
  err: unknown,
  path: string,
  op: "read" | "write",
  root: string,
): unknown {
  if (isZmgrError(err)) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return err;
  if ((code === "ENOENT" || code === "ENOTDIR") && !existsSync(root)) {
    return new RegistryNotFoundError(root, err);
  }
  if (op === "write" && WRITE_DENIED.has(code)) return new ReadOnlyError(path, err);
  if (READ_DENIED.has(code)) return new UnreadableError(path, err);
  return err;
}
