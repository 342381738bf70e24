import type { SimOut } from "./sim-util.js";

/** One libofmt column: name (upper case in headers) and width including the separating space. */
export interface OfmtField {
  name: string;
  width: number;
}

/**
 * Human output (OF `ofmt_print_field`): each non-last column padded to its width; a value as wide
 * as its column or wider gets one space and the overflow is taken back from later padding; the
 * last column is never padded; empty values print as `--`. No rows → nothing, not even a header.
 */
export function ofmtHuman(fields: OfmtField[], rows: string[][]): string {
  if (rows.length === 0) return "";
  const line = (values: string[]) => {
    let overflow = 0;
    let s = "";
    fields.forEach((f, i) => {
      const v = values[i] ?? "";
      if (i === fields.length - 1) {
        s += v;
        return;
      }
      if (v.length >= f.width) {
        overflow += v.length + 1 - f.width;
        s += `${v} `;
        return;
      }
      const take = Math.min(overflow, f.width - v.length - 1);
      overflow -= take;
      s += v.padEnd(f.width - take);
    });
    return s;
  };
  const out = [line(fields.map((f) => f.name))];
  for (const r of rows) out.push(line(r.map((v) => (v === "" ? "--" : v))));
  return `${out.join("\n")}\n`;
}

/** Parsable output: `:`-joined; with more than one field `\` → `\\` and `:` → `\:`. */
export function ofmtParsable(nfields: number, rows: string[][]): string {
  const esc = (v: string) => (nfields > 1 ? v.replaceAll("\\", "\\\\").replaceAll(":", "\\:") : v);
  return rows.map((r) => `${r.map(esc).join(":")}\n`).join("");
}

/**
 * Pick the fields of `-o` (case-insensitive). Parsable: an unknown field is fatal; human: a
 * warning. Returns undefined after printing a fatal error.
 */
export function selectFields(
  out: SimOut,
  all: OfmtField[],
  spec: string | undefined,
  parsable: boolean,
): OfmtField[] | undefined {
  if (parsable && spec === undefined) {
    out.fail("dladm: -p requires -o");
    return undefined;
  }
  if (spec === undefined) return all;
  if (spec.toLowerCase() === "all") {
    if (parsable) {
      out.fail('dladm: "-o all" is invalid with -p');
      return undefined;
    }
    return all;
  }
  const picked: OfmtField[] = [];
  const unknown: string[] = [];
  for (const name of spec.split(",")) {
    const f = all.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (f) picked.push(f);
    else unknown.push(name);
  }
  if (unknown.length > 0) {
    if (parsable) {
      out.fail(`dladm: unknown output field: \`${unknown[0]}'`);
      return undefined;
    }
    out.err(`dladm: warning: ignoring unknown output fields: ${unknown.join(" ")}`);
  }
  return picked;
}
