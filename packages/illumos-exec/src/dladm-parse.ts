import { UnexpectedOutputError } from "./errors.js";

/** One value as libofmt prints it in parsable mode with several fields: `\` → `\\`, `:` → `\:`. */
export function escapeDladmValue(value: string): string {
  return value.replaceAll("\\", "\\\\").replaceAll(":", "\\:");
}

function splitEscaped(line: string): string[] {
  if (!line.includes("\\")) return line.split(":");
  const fields: string[] = [];
  let current = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\" && i + 1 < line.length) {
      current += line[++i];
    } else if (c === ":") {
      fields.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  fields.push(current);
  return fields;
}

/**
 * `dladm show-* -p -o a,b,c` output as rows keyed by the lower-cased field names. One field is
 * printed raw (no escaping at all); several fields are `:`-joined with `\:` and `\\` escapes.
 */
export function parseDladmParsable(stdout: string, fields: string[]): Record<string, string>[] {
  const keys = fields.map((f) => f.toLowerCase());
  const lines = stdout.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line) => {
    const values = keys.length === 1 ? [line] : splitEscaped(line);
    if (values.length !== keys.length) {
      throw new UnexpectedOutputError(`dladm parsable output with fields ${keys.join(",")}`, line);
    }
    return Object.fromEntries(keys.map((k, i) => [k, values[i] ?? ""]));
  });
}

/** The inverse of parseDladmParsable: what dladm prints for these rows. */
export function formatDladmParsable(rows: Record<string, string>[], fields: string[]): string {
  const keys = fields.map((f) => f.toLowerCase());
  return rows
    .map((row) =>
      keys.length === 1
        ? `${row[keys[0] ?? ""] ?? ""}\n`
        : `${keys.map((k) => escapeDladmValue(row[k] ?? "")).join(":")}\n`,
    )
    .join("");
}

/**
 * dladm's human table (`dladm show-link`, `show-vnic`, `show-phys`): a header of field names, then
 * one row per object. `--` means empty. Values are split on blanks; a row with more blank-separated
 * words than columns (e.g. MACADDRTYPE `factory, slot 1`) is cut at the header's column starts.
 */
export function parseDladmTable(stdout: string): Record<string, string>[] {
  const lines = stdout.split("\n").filter((l) => l.trim() !== "");
  const header = lines[0];
  if (header === undefined) return [];
  const columns = [...header.matchAll(/\S+/g)].map((m) => ({
    key: m[0].toLowerCase(),
    start: m.index,
  }));
  return lines.slice(1).map((line) => {
    let values = line.trim().split(/\s+/);
    if (values.length !== columns.length) {
      values = columns.map((c, i) =>
        line.slice(c.start, columns[i + 1]?.start ?? line.length).trim(),
      );
    }
    if (values.length !== columns.length) throw new UnexpectedOutputError("dladm table row", line);
    return Object.fromEntries(
      columns.map((c, i) => [c.key, values[i] === "--" ? "" : (values[i] ?? "")]),
    );
  });
}
