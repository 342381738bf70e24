import { UnexpectedOutputError } from "./errors.js";
import type { ZonecfgInfo, ZonecfgResource } from "./types.js";
import { assembleZonecfgInfo } from "./zonecfg-info.js";

/**
 * Split zonecfg command text the way zonecfg_lex.l does: commands end at `;` or a newline,
 * `#` starts a comment, `"…"` is one word without escapes, and `=`, `[`, `]` are tokens of their
 * own, as is `,` inside a `[…]` list. A `(…)` complex value is kept as one raw word.
 */
export function tokenizeZonecfg(text: string): string[][] {
  return lexZonecfg(text).map((words) => words.map((w) => w.text));
}

interface Word {
  text: string;
  /** punctuation (`=`, `[`, `]`, `,`) as opposed to a value, quoted or not */
  punct: boolean;
}

function lexZonecfg(text: string): Word[][] {
  const commands: Word[][] = [];
  let words: Word[] = [];
  const flush = () => {
    if (words.length > 0) commands.push(words);
    words = [];
  };
  let i = 0;
  let inList = false;
  while (i < text.length) {
    const c = text[i] ?? "";
    if (c === ";" || c === "\n") {
      flush();
      i++;
    } else if (c === " " || c === "\t") {
      i++;
    } else if (c === "#" && words.length === 0) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === '"') {
      const end = text.slice(i + 1).search(/["\n]/);
      const stop = end === -1 ? text.length : i + 1 + end;
      words.push({ text: text.slice(i + 1, stop), punct: false });
      i = text[stop] === '"' ? stop + 1 : stop;
    } else if (c === "(") {
      const close = text.indexOf(")", i);
      const stop = close === -1 ? text.length : close + 1;
      words.push({ text: text.slice(i, stop), punct: false });
      i = stop;
    } else if ("=[]".includes(c) || (inList && c === ",")) {
      if (c !== "=") inList = c === "[";
      words.push({ text: c, punct: true });
      i++;
    } else {
      const m = (inList ? /^[^ \t\n";=[\](),]+/ : /^[^ \t\n";=[\]()]+/).exec(text.slice(i));
      const word = m?.[0] ?? c;
      words.push({ text: word, punct: false });
      i += word.length;
    }
  }
  flush();
  return commands;
}

/** `[a,b]` or `a` → "a,b" / "a". */
function listValue(words: Word[]): string {
  return words
    .filter((w) => !w.punct)
    .map((w) => w.text)
    .join(",");
}

/**
 * `zonecfg -z NAME export` output (or any zonecfg command file of the same shape) → the same
 * typed view as `info`. Accepts both the current always-quoted and the old space-only quoting.
 */
export function parseZonecfgExport(stdout: string, zonename: string): ZonecfgInfo {
  const top: Record<string, string> = {};
  const resources: ZonecfgResource[] = [];
  let current: ZonecfgResource | undefined;
  for (const words of lexZonecfg(stdout)) {
    const [first, ...rest] = words;
    const verb = first?.text;
    if (verb === "set") {
      const [key, eq, ...value] = rest;
      if (key === undefined || eq?.text !== "=") {
        throw new UnexpectedOutputError("zonecfg export line", words.map((w) => w.text).join(" "));
      }
      (current ? current.props : top)[key.text] = listValue(value);
    } else if (verb === "add" && current === undefined) {
      current = { type: rest[0]?.text ?? "", props: {} };
      resources.push(current);
    } else if (verb === "add" && current) {
      const [keyWord, ...value] = rest;
      const key = keyWord?.text ?? "";
      const prev = current.props[key];
      const next = listValue(value);
      current.props[key] =
        prev === undefined ? next : `${prev}${key === "property" ? "\n" : ","}${next}`;
    } else if (verb === "end") {
      current = undefined;
    }
  }
  return assembleZonecfgInfo(zonename, top, resources);
}
