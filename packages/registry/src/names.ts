import { checkEntityName, type DocKind } from "@zmgr/kdl-schema";
import { CaseClashError, InvalidNameError } from "./errors.js";
import { relativePath, type Storage } from "./storage.js";

/**
 * The minimal rule every registry file name obeys, whatever the kind: a single, visible path
 * component. Stricter rules (templates, pools, publishers: kdl-schema's checkEntityName; zones:
 * illumos zone names) are applied on top by the callers that know them.
 */
export function fileNameProblem(name: string): string | undefined {
  if (name === "") return "it is empty";
  if (name.includes("/") || name.includes("\\")) return "it must not contain a path separator";
  if (name.includes("\0")) return "it must not contain a NUL character";
  if (name.startsWith(".")) return "it must not start with '.'";
  if (Buffer.byteLength(name) > 250) return "it is longer than a file name may be";
  return undefined;
}

export function assertSafeFileName(kind: string, name: string): void {
  const problem = fileNameProblem(name);
  if (problem !== undefined) throw new InvalidNameError(kind, name, problem);
}

/** Templates, pools and publishers follow kdl-schema's name rules; zones must be file names. */
export function checkName(kind: DocKind, name: string): void {
  if (kind === "config") return;
  const problem = kind === "zone" ? fileNameProblem(name) : checkEntityName(name);
  if (problem !== undefined) throw new InvalidNameError(kind, name, problem);
}

/** Refuses a new name that differs only in case from an existing one (case-insensitive file systems). */
export async function refuseCaseClash(
  storage: Storage,
  kind: Exclude<DocKind, "config">,
  name: string,
): Promise<void> {
  const lower = name.toLowerCase();
  const other = (await storage.list(kind)).find((n) => n !== name && n.toLowerCase() === lower);
  if (other === undefined) return;
  throw new CaseClashError(relativePath(kind, name), relativePath(kind, other));
}
