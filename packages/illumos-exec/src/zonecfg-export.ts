import { UnexpectedOutputError } from "./errors.js";
import type { ZonecfgInfo, ZonecfgResource } from "./types.js";
import {
  assembleZonecfgInfo,
  isListProp,
  listItems,
  putProp,
  ZONECFG_RESOURCE_TYPES,
} from "./zonecfg-assemble.js";
import { type LexedCommand, lexZonecfg, type Tok } from "./zonecfg-lex.js";

/**
 * Split zonecfg command text the way zonecfg_lex.l does (see zonecfg-lex.ts): one array of token
 * texts per command; quotes removed from strings; `=`, `[`, `]`, `(`, `)` are tokens of their own,
 * as is `,` inside a list or complex value.
 */
export function tokenizeZonecfg(text: string): string[][] {
  return lexZonecfg(text).map((c) => c.toks.map((t) => t.text));
}

/** The source text of tokens `toks[from…]` as printed (quotes and inner `=` kept). */
function sourceOf(text: string, toks: Tok[], from: number): string {
  const first = toks[from];
  const last = toks.at(-1);
  return first && last ? text.slice(first.start, last.end) : "";
}

/**
 * The value of `set key=…`: one word or string → its text; a `[…]` list → its items; anything
 * longer is the raw rest of the command. Old builds quote only values with a space, so
 * `set value=cpus=16,sockets=2` is printed bare and lexes as several tokens: the value is the
 * text after the first `=`, as printed.
 */
function setValue(text: string, toks: Tok[], from: number): string | string[] {
  const rest = toks.slice(from);
  if (rest[0]?.kind === "[") return listItems("", rest);
  const only = rest.length === 1 ? rest[0] : undefined;
  return only ? only.text : sourceOf(text, toks, from);
}

function commandText(text: string, c: LexedCommand): string {
  return sourceOf(text, c.toks, 0);
}

/**
 * `zonecfg -z NAME export` output (or any zonecfg command file of the same shape) → the same
 * typed view as `info`. Accepts both the current always-quoted and the old space-only quoting.
 * A resource of a type zmgr does not know keeps its commands as `raw`.
 */
export function parseZonecfgExport(stdout: string, zonename: string): ZonecfgInfo {
  const top: Record<string, string> = {};
  const resources: ZonecfgResource[] = [];
  let current: ZonecfgResource | undefined;
  let rawLines: string[] | undefined;
  for (const c of lexZonecfg(stdout)) {
    const toks = c.toks;
    const verb = toks[0]?.text;
    rawLines?.push(commandText(stdout, c));
    if (verb === "set") {
      const key = toks[1];
      if (key === undefined || toks[2]?.kind !== "=") {
        throw new UnexpectedOutputError("zonecfg export line", commandText(stdout, c));
      }
      const value = setValue(stdout, toks, 3);
      if (!current) top[key.text] = Array.isArray(value) ? value.join(",") : value;
      else if (isListProp(current.type, key.text))
        putProp(current, key.text, Array.isArray(value) ? value : [value]);
      else putProp(current, key.text, Array.isArray(value) ? value.join(",") : value);
    } else if (verb === "add" && current === undefined) {
      const type = toks[1]?.text ?? "";
      current = { type, props: {} };
      if (!ZONECFG_RESOURCE_TYPES.has(type)) rawLines = [commandText(stdout, c)];
      resources.push(current);
    } else if (verb === "add" && current) {
      const key = toks[1]?.text ?? "";
      const rest = toks.slice(2);
      putProp(current, key, listItems(sourceOf(stdout, toks, 2), rest));
    } else if (verb === "end" && current) {
      if (rawLines) current.raw = rawLines.join("\n");
      current = undefined;
      rawLines = undefined;
    }
  }
  return assembleZonecfgInfo(zonename, top, resources);
}
