import { InvalidNameError } from "./errors.js";

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
