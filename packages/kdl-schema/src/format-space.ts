import {
  format,
  type LineSpace,
  type NodeSpace,
  parse,
  type SlashDashInDocument,
  type SlashDashInNode,
} from "@bgotink/kdl";

type DocItem = LineSpace | SlashDashInDocument;
type NodeItem = NodeSpace | SlashDashInNode;

/** The parts of a whitespace run; undefined when it only parses in its original context. */
function docItems(text: string | undefined): DocItem[] | undefined {
  if (!text) return [];
  try {
    return parse(stripSemicolons(text), { as: "whitespace in document" }) as unknown as DocItem[];
  } catch {
    return undefined;
  }
}

/** Remove `;` terminators, leaving comments (which may contain `;`) intact. */
export function stripSemicolons(text: string): string {
  let out = "";
  let depth = 0;
  let line = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const two = text.slice(i, i + 2);
    if (line) {
      if (c === "\n") line = false;
    } else if (depth > 0) {
      if (two === "*/") depth--;
      else if (two === "/*") depth++;
      if (two === "*/" || two === "/*") {
        out += two;
        i++;
        continue;
      }
    } else if (two === "//") line = true;
    else if (two === "/*") {
      depth++;
      out += two;
      i++;
      continue;
    } else if (c === ";") continue;
    out += c;
  }
  return out;
}

function slashdash(item: SlashDashInDocument | SlashDashInNode): string {
  return `/-${format(item.value).trim()}`;
}

/**
 * Canonical text before a node at `indent`: its comment lines (at most one blank line kept between
 * them), then the indentation. `afterBrace`: the node is the first of a block (text follows `{`).
 */
export function leadingText(text: string | undefined, indent: string, afterBrace: boolean): string {
  let out = "";
  let atLineStart = !afterBrace;
  let blank = false;
  const blankLine = () => (blank && out !== "" && out !== "\n" ? "\n" : "");
  const items = docItems(text);
  if (!items) return text ?? "";
  for (const item of items) {
    if (item.type === "newline") {
      if (atLineStart) blank = true;
      else out += "\n";
      atLineStart = true;
    } else if (item.type === "singleline" || item.type === "slashdash") {
      const t = item.type === "slashdash" ? slashdash(item) : item.text.trimEnd();
      out += atLineStart ? `${blankLine()}${indent}${t}\n` : ` ${t}\n`;
      atLineStart = true;
      blank = false;
    } else if (item.type === "multiline") {
      out += atLineStart ? `${blankLine()}${indent}${item.text}` : ` ${item.text}`;
      atLineStart = false;
      blank = false;
    }
  }
  if (afterBrace && !out.includes("\n")) return `${out}\n${indent}`;
  if (!atLineStart) return `${out} `;
  return `${out}${blankLine()}${indent}`;
}

/** Canonical text after a node's entries: its comments on the same line, then a newline. */
export function trailingText(text: string | undefined): string {
  const parts: string[] = [];
  // A line continuation after the last entry means nothing once the node ends with a newline.
  const items = docItems(text?.replace(/\\[ \t]*(\/\/[^\n]*)?\r?\n/g, " $1\n"));
  if (!items) return text ?? "\n";
  for (const item of items) {
    if (item.type === "singleline") parts.push(item.text.trimEnd());
    else if (item.type === "multiline") parts.push(item.text);
    else if (item.type === "slashdash") parts.push(slashdash(item));
  }
  return parts.length ? ` ${parts.join(" ")}\n` : "\n";
}

/** Canonical text between entries (or before `{`): one space, comments kept. */
export function inlineText(text: string | undefined): string {
  if (!text || /^[ \t]*$/.test(text)) return " ";
  let items: NodeItem[];
  try {
    // `status/- "x"`: a slashdash glued to the node name has no whitespace before it, which the
    // grammar of "whitespace in node" requires; read it as if the space were there, so the first
    // format already gives what a second one would (formatting is idempotent).
    items = parse(/^[ \t]/.test(text) ? text : ` ${text}`, {
      as: "whitespace in node",
    }) as unknown as NodeItem[];
  } catch {
    return text;
  }
  const parts = items.flatMap((item) =>
    item.type === "multiline"
      ? [item.text]
      : item.type === "slashdash"
        ? [slashdash(item)]
        : item.type === "line-escape" && item.text.includes("//")
          ? [item.text.trimEnd(), "\n"]
          : [],
  );
  return parts.length ? ` ${parts.join(" ")} ` : " ";
}

export function hasComment(text: string | undefined): boolean {
  return !!text && /\/[/*-]/.test(text);
}
