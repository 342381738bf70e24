/** Characters that never need quoting for POSIX sh (no globbing, expansion, or word splitting). */
const SAFE = /^[A-Za-z0-9_/.,:=@%+-]+$/;

/**
 * One argument quoted for POSIX sh, so that `sh -c "<cmd> <quoted>"` sees exactly `arg`:
 * plain words stay as they are; anything else goes in single quotes, each `'` written `'\''`.
 * The empty string is `''`. (A NUL byte cannot be passed in an argv at all.)
 */
export function shellQuote(arg: string): string {
  if (SAFE.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** An argv as one POSIX sh command line: each argument quoted, joined with spaces. */
export function shellJoin(argv: readonly string[]): string {
  return argv.map(shellQuote).join(" ");
}
