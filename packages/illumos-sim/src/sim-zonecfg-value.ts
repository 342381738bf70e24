import type { Tok } from "@zmgr/illumos-exec";

// Value reading on top of zonecfg's one lexer (`lexZonecfg` of @zmgr/illumos-exec, which the
// output parsers use too): the simulator reads `set`/`add` values as zonecfg's grammar does.

/** A property value: a word or string, a `[list]`, or a `(complex)` value re-serialised. */
export type Value =
  | { kind: "simple"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "complex"; text: string };

/** Read one value at `toks[at]`; returns it and the index after it, or the bad token. */
export function readValue(
  toks: Tok[],
  at: number,
): { value: Value; next: number } | { bad: string } {
  const t = toks[at];
  if (!t) return { bad: "" };
  if (t.kind === "word" || t.kind === "string")
    return { value: { kind: "simple", text: t.text }, next: at + 1 };
  if (t.kind === "[") {
    const items: string[] = [];
    let i = at + 1;
    while (i < toks.length && toks[i]?.kind !== "]") {
      const x = toks[i];
      if (x?.kind === "word" || x?.kind === "string") items.push(x.text);
      else if (x?.kind !== ",") return { bad: x?.text ?? "" };
      i++;
    }
    if (toks[i]?.kind !== "]") return { bad: "" };
    return { value: { kind: "list", items }, next: i + 1 };
  }
  if (t.kind === "(") {
    const parts: string[] = [];
    let i = at + 1;
    while (i < toks.length && toks[i]?.kind !== ")") {
      const k = toks[i];
      if (k?.kind === ",") {
        i++;
        continue;
      }
      if (k?.kind !== "word" || toks[i + 1]?.kind !== "=") return { bad: k?.text ?? "" };
      const v = toks[i + 2];
      if (v?.kind !== "word" && v?.kind !== "string") return { bad: v?.text ?? "" };
      parts.push(`${k.text}=${v.kind === "string" ? `"${v.text}"` : v.text}`);
      i += 3;
    }
    if (toks[i]?.kind !== ")") return { bad: "" };
    return { value: { kind: "complex", text: `(${parts.join(",")})` }, next: i + 1 };
  }
  return { bad: t.text };
}
