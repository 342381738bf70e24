import { format, type Primitive, Value } from "@bgotink/kdl";

/** A node to write, independent of any existing text. */
export interface Spec {
  name: string;
  args: Primitive[];
  props?: [string, Primitive][];
  children?: Spec[];
  /** Write the children on one line: `net "a" { pool "x"; vnic "y"; }`. */
  inline?: boolean;
}

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

/**
 * A KDL v2 quoted string; control, newline and direction-changing characters are escaped.
 * A lone surrogate cannot be written in KDL at all; it becomes U+FFFD.
 */
export function quote(s: string): string {
  let out = '"';
  for (const ch of s.replace(/\p{Surrogate}/gu, "\uFFFD")) {
    const esc = ESCAPES[ch];
    if (esc) {
      out += esc;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    const unsafe =
      cp < 0x20 ||
      cp === 0x7f ||
      cp === 0x85 ||
      (cp >= 0x200e && cp <= 0x200f) ||
      (cp >= 0x2028 && cp <= 0x202e) ||
      (cp >= 0x2066 && cp <= 0x2069) ||
      cp === 0xfeff;
    out += unsafe ? `\\u{${cp.toString(16)}}` : ch;
  }
  return `${out}"`;
}

/** One value in canonical form: strings always quoted, numbers and keywords as KDL v2 writes them. */
export function valueText(v: Primitive): string {
  return typeof v === "string" ? quote(v) : format(new Value(v));
}

/** A node name: bare when it is a plain identifier, else quoted. */
export function nameText(name: string): string {
  if (/\p{Surrogate}/u.test(name)) return name;
  return /^(?![+-]?\.?\d)[A-Za-z_+.-][A-Za-z0-9_+.-]*$/.test(name) &&
    !/^(true|false|null|inf|nan)$/.test(name)
    ? name
    : quote(name);
}

/** The node line(s) of a spec in the canonical style, indented by `indent`, without a newline. */
export function specText(spec: Spec, indent = ""): string {
  let line = indent + nameText(spec.name);
  for (const a of spec.args) line += ` ${valueText(a)}`;
  for (const [k, v] of spec.props ?? []) line += ` ${nameText(k)}=${valueText(v)}`;
  const children = spec.children ?? [];
  if (children.length === 0) return line;
  if (spec.inline) return `${line} { ${children.map((c) => `${specText(c)};`).join(" ")} }`;
  const inner = children.map((c) => `${specText(c, `${indent}  `)}\n`).join("");
  return `${line} {\n${inner}${indent}}`;
}
