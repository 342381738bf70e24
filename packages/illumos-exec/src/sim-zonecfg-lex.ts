/** zonecfg's lexer (ZCL): words, quoted strings, `=`, lists `[a,b]` and complex values `(k=v,…)`. */
export type TokKind = "word" | "string" | "=" | "[" | "]" | "(" | ")" | ",";

export interface Tok {
  kind: TokKind;
  text: string;
}

export interface LexedCommand {
  /** 1-based line the command starts on. */
  line: number;
  toks: Tok[];
}

const PUNCT = new Set(["=", "[", "]", "(", ")"]);
/** A plain word is `[^ \t\n";=\[\]()]+`; inside a list or complex value `,` separates too. */
function endsWord(c: string, depth: number): boolean {
  return ' \t\n\r";=[]()'.includes(c) || (depth > 0 && c === ",");
}

/** Split command text into commands at newlines and `;`. `#` starts a comment at a command's start. */
export function lexZonecfg(text: string): LexedCommand[] {
  const cmds: LexedCommand[] = [];
  let cur: LexedCommand = { line: 1, toks: [] };
  let line = 1;
  let depth = 0;
  const flush = () => {
    if (cur.toks.length > 0) cmds.push(cur);
    cur = { line, toks: [] };
    depth = 0;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? "";
    if (c === "\n") {
      line++;
      i++;
      flush();
      continue;
    }
    if (c === ";") {
      i++;
      flush();
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (cur.toks.length === 0) cur.line = line;
    if (c === "#" && cur.toks.length === 0) {
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== "\n") j++;
      cur.toks.push({ kind: "string", text: text.slice(i + 1, j) });
      i = text[j] === '"' ? j + 1 : j;
      continue;
    }
    if (PUNCT.has(c)) {
      if (c === "[" || c === "(") depth++;
      if ((c === "]" || c === ")") && depth > 0) depth--;
      cur.toks.push({ kind: c as TokKind, text: c });
      i++;
      continue;
    }
    if (c === "," && depth > 0) {
      cur.toks.push({ kind: ",", text: c });
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !endsWord(text[j] ?? "", depth)) j++;
    cur.toks.push({ kind: "word", text: text.slice(i, j) });
    i = j;
  }
  flush();
  return cmds;
}

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
