import type { Diagnostic, Severity } from "@zmgr/errors";

/** Builds a diagnostic; `file` and `path` are left out when undefined (exactOptionalPropertyTypes). */
export function diag(
  code: string,
  severity: Severity,
  message: string,
  help: string,
  file?: string,
  path?: string[],
): Diagnostic {
  const d: Diagnostic = { code, severity, message, help };
  if (file !== undefined) d.file = file;
  if (path !== undefined) d.path = path;
  return d;
}

/** `["zone", "net", "1", "address", "0"]` and friends, from mixed strings and indexes. */
export function at(...parts: (string | number)[]): string[] {
  return parts.map(String);
}

/** Names sorted by code point, so output never depends on directory order. */
export function sortedKeys<V>(map: ReadonlyMap<string, V>): string[] {
  return [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A "did you mean" hint for a dangling reference: same name in another case. */
export function similarName(name: string, names: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  for (const n of names) if (n.toLowerCase() === lower && n !== name) return n;
  return undefined;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
