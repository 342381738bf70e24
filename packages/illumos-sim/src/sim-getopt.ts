/** POSIX getopt(3C) over an argv slice: options until the first operand or `--`. */
export interface GetoptResult {
  opts: { opt: string; value?: string }[];
  operands: string[];
  /** The first bad option, as getopt reports it (`?` for both, like the C code). */
  error?: { kind: "illegal" | "missing"; opt: string };
}

/**
 * `spec` is a getopt string (`"?fs"`, `":R:t"`); a leading `:` only silences the C library's
 * message, which callers print themselves from `error`. With `permute` unknown options stop
 * nothing: they are reported as errors all the same.
 */
export function getopt(args: readonly string[], spec: string): GetoptResult {
  const s = spec.startsWith(":") ? spec.slice(1) : spec;
  const res: GetoptResult = { opts: [], operands: [] };
  let i = 0;
  while (i < args.length) {
    const a = args[i] ?? "";
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-") || a === "-") break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j] ?? "";
      const at = s.indexOf(c);
      if (at < 0 || c === ":") {
        res.error = { kind: "illegal", opt: c };
        res.operands = args.slice(i + 1);
        return res;
      }
      if (s[at + 1] === ":") {
        const rest = a.slice(j + 1);
        if (rest.length > 0) res.opts.push({ opt: c, value: rest });
        else if (i + 1 < args.length) {
          i++;
          res.opts.push({ opt: c, value: args[i] ?? "" });
        } else {
          res.error = { kind: "missing", opt: c };
          return res;
        }
        break;
      }
      res.opts.push({ opt: c });
    }
    i++;
  }
  res.operands = args.slice(i);
  return res;
}

/** The C library's own message for a getopt error. */
export function getoptMessage(
  prog: string,
  error: { kind: "illegal" | "missing"; opt: string },
): string {
  return error.kind === "illegal"
    ? `${prog}: illegal option -- ${error.opt}`
    : `${prog}: option requires an argument -- ${error.opt}`;
}
