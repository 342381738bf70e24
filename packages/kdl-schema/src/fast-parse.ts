import { Document, Entry, Identifier, Node, Value } from "@bgotink/kdl";

/**
 * A fast parser for the plain KDL v2 that registry files almost always are (ASCII; bare or
 * quoted names without escapes; strings, decimal integers, #true/#false/#null; `;`, `{ }`,
 * `//` comments). It returns the same document model as the full parser, or undefined as soon
 * as the text leaves that subset (the caller then uses the full parser, which also reports
 * errors). Only for decoding: the nodes carry no formatting or source locations.
 */
export function fastParse(text: string): Document | undefined {
  if (NOT_PLAIN.test(text)) return undefined;
  const p = new FastParser(text);
  const nodes = p.nodes(false);
  return nodes === undefined || p.i !== text.length ? undefined : new Document(nodes);
}

// Anything outside printable ASCII, tab and LF/CRLF, and a lone CR.
const NOT_PLAIN = /[^\t\n\r\x20-\x7e]|\r(?!\n)/;
const BARE = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const INTEGER = /-?[0-9]{1,15}/y;
const KEYWORD = /#(true|false|null)/y;
const RESERVED = new Set(["true", "false", "null", "inf", "nan"]);

class FastParser {
  i = 0;
  constructor(readonly s: string) {}

  /** Nodes up to EOF (top level) or up to the closing brace (children; the brace is consumed). */
  nodes(inBraces: boolean): Node[] | undefined {
    const out: Node[] = [];
    for (;;) {
      this.lineSpace();
      const c = this.s[this.i];
      if (c === undefined) return inBraces ? undefined : out;
      if (c === "}") {
        if (!inBraces) return undefined;
        this.i++;
        return out;
      }
      const node = this.node();
      if (node === undefined) return undefined;
      out.push(node);
    }
  }

  /** Whitespace, newlines and line comments between nodes. */
  lineSpace(): void {
    const s = this.s;
    for (;;) {
      const c = s[this.i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") this.i++;
      else if (c === "/" && s[this.i + 1] === "/") this.lineComment();
      else return;
    }
  }

  lineComment(): void {
    const end = this.s.indexOf("\n", this.i);
    this.i = end < 0 ? this.s.length : end;
  }

  node(): Node | undefined {
    const name = this.name();
    if (name === undefined) return undefined;
    const entries: Entry[] = [];
    let children: Document | null = null;
    for (;;) {
      const spaced = this.space();
      const c = this.s[this.i];
      if (c === undefined || c === "\n" || c === "\r" || c === ";" || c === "}") break;
      if (c === "/" && this.s[this.i + 1] === "/") {
        this.lineComment();
        break;
      }
      if (!spaced) return undefined;
      if (c === "{") {
        this.i++;
        const nodes = this.nodes(true);
        if (nodes === undefined) return undefined;
        children = new Document(nodes);
        this.space();
        const after = this.s[this.i];
        if (after === "/" && this.s[this.i + 1] === "/") this.lineComment();
        else if (
          !(
            after === undefined ||
            after === "\n" ||
            after === "\r" ||
            after === ";" ||
            after === "}"
          )
        )
          return undefined;
        break;
      }
      const entry = this.entry(entries);
      if (entry === undefined) return undefined;
      entries.push(entry);
    }
    // One `;` may end a node (a second one is not a node: the full parser reports it).
    if (this.s[this.i] === ";") this.i++;
    return new Node(new Identifier(name), entries, children);
  }

  /** Spaces and tabs; true when there were any. */
  space(): boolean {
    const start = this.i;
    while (this.s[this.i] === " " || this.s[this.i] === "\t") this.i++;
    return this.i > start;
  }

  entry(before: readonly Entry[]): Entry | undefined {
    const start = this.i;
    const key = this.s[this.i] === "#" ? undefined : this.name();
    if (key !== undefined && this.s[this.i] === "=") {
      this.i++;
      // A repeated property: the full parser decides which one counts.
      if (before.some((e) => e.name?.name === key)) return undefined;
      const value = this.value();
      return value === undefined ? undefined : new Entry(new Value(value), new Identifier(key));
    }
    this.i = start;
    const value = this.value();
    return value === undefined ? undefined : new Entry(new Value(value), null);
  }

  /** A node or property name: a bare identifier or a plain quoted string. */
  name(): string | undefined {
    if (this.s[this.i] === '"') return this.quoted();
    return this.bare();
  }

  value(): string | number | boolean | null | undefined {
    const c = this.s[this.i];
    if (c === '"') return this.ended(this.quoted());
    if (c === "#") {
      KEYWORD.lastIndex = this.i;
      const m = KEYWORD.exec(this.s);
      if (!m) return undefined;
      this.i = KEYWORD.lastIndex;
      const word = m[1];
      return this.ended(word === "true" ? true : word === "false" ? false : null);
    }
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) {
      INTEGER.lastIndex = this.i;
      const m = INTEGER.exec(this.s);
      if (!m) return undefined;
      this.i = INTEGER.lastIndex;
      return this.ended(Number(m[0]) + 0); // -0 reads as 0
    }
    return this.ended(this.bare());
  }

  /** A value must be followed by whitespace, a terminator or a closing brace. */
  ended<T>(v: T | undefined): T | undefined {
    const c = this.s[this.i];
    if (
      c === undefined ||
      c === " " ||
      c === "\t" ||
      c === "\n" ||
      c === "\r" ||
      c === ";" ||
      c === "}"
    )
      return v;
    return undefined;
  }

  bare(): string | undefined {
    BARE.lastIndex = this.i;
    const m = BARE.exec(this.s);
    if (!m || RESERVED.has(m[0])) return undefined;
    this.i = BARE.lastIndex;
    // A bare name must end here: anything else (`(`, `#`, `/`, a quote…) is for the full parser.
    const c = this.s[this.i];
    if (
      c === undefined ||
      c === " " ||
      c === "\t" ||
      c === "\n" ||
      c === "\r" ||
      c === ";" ||
      c === "}" ||
      c === "{" ||
      c === "="
    )
      return m[0];
    return undefined;
  }

  /** A single-line quoted string without escapes (`"""` and `\` go to the full parser). */
  quoted(): string | undefined {
    const s = this.s;
    const start = this.i + 1;
    const end = s.indexOf('"', start);
    if (end < 0) return undefined;
    const body = s.slice(start, end);
    if (end === start && s[end + 1] === '"') return undefined;
    if (body.includes("\\") || body.includes("\n") || body.includes("\r")) return undefined;
    this.i = end + 1;
    return body;
  }
}
