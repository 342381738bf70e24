/**
 * zonecfg's lexer (COMMANDS.md §3.2, `zonecfg_lex.l`), shared by the output parsers and the
 * simulator. Commands end at a newline or `;`; `#` starts a comment only at a command's start;
 * blanks are space and TAB (a `\r` is part of a word, as in zonecfg); a plain word is
 * `[^ \t\n";=[\]()]+`; `"…"` is one string without escapes (an unclosed quote ends at the
 * newline); `=`, `[`, `]`, `(`, `)` are tokens, and so is `,` inside a list or complex value.
 */
export type TokKind = "word" | "string" | "=" | "[" | "]" | "(" | ")" | ",";

export interface Tok {
  kind: TokKind;
  text: string;
  /** Offsets of the token in the lexed text (`end` exclusive; a string's quotes included). */
  start: number;
  end: number;
}

export interface LexedCommand {
  /** 1-based line the command starts on. */
  line: number;
  toks: Tok[];
}

const PUNCT = new Set(["=", "[", "]", "(", ")"]);

function endsWord(c: string, depth: number): boolean {
  return ' \t\n";=[]()'.includes(c) || (depth > 0 && c === ",");
}

/** Split command text into commands and their tokens. */
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
    if (c === "\n" || c === ";") {
      if (c === "\n") line++;
      i++;
      flush();
      continue;
    }
    if (c === " " || c === "\t") {
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
      const end = text[j] === '"' ? j + 1 : j;
      cur.toks.push({ kind: "string", text: text.slice(i + 1, j), start: i, end });
      i = end;
      continue;
    }
    if (PUNCT.has(c) || (c === "," && depth > 0)) {
      if (c === "[" || c === "(") depth++;
      if ((c === "]" || c === ")") && depth > 0) depth--;
      cur.toks.push({ kind: c as TokKind, text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !endsWord(text[j] ?? "", depth)) j++;
    cur.toks.push({ kind: "word", text: text.slice(i, j), start: i, end: j });
    i = j;
  }
  flush();
  return cmds;
}
