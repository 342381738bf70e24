import { parseAddress } from "@zmgr/ipam";
import { UsageError } from "../../shared/errors.js";
import type { ZoneRow } from "../../shared/zone-join.js";

/** The columns of `zmgr list -o` (SPEC §7), in their documented order. */
export const LIST_COLUMNS = [
  "name",
  "state",
  "host",
  "brand",
  "template",
  "addresses",
  "vnics",
  "pools",
  "created",
  "zonepath",
] as const;

export type ListColumn = (typeof LIST_COLUMNS)[number];

/** The table without -o: what `zmgr list` has always shown. */
export const DEFAULT_COLUMNS: ListColumn[] = [
  "name",
  "state",
  "brand",
  "template",
  "addresses",
  "vnics",
];

/** Every value of one column of a row (multi-valued columns give several; unset gives none). */
export function columnValues(row: ZoneRow, col: ListColumn): string[] {
  switch (col) {
    case "addresses":
    case "vnics":
    case "pools":
      return row[col];
    default: {
      const v = row[col];
      return v === undefined ? [] : [v];
    }
  }
}

/** `-o a,b,c` → columns; an unknown one is a usage error (exit 2). */
export function parseColumns(spec: string): ListColumn[] {
  const cols = spec.split(",").map((c) => c.trim().toLowerCase());
  for (const c of cols) checkColumn(c, "-o");
  return cols as ListColumn[];
}

export function checkColumn(c: string, flag: string): ListColumn {
  if (!(LIST_COLUMNS as readonly string[]).includes(c)) {
    throw new UsageError(`${flag}: unknown column "${c}"`, `columns: ${LIST_COLUMNS.join(", ")}`);
  }
  return c as ListColumn;
}

export interface RowFilter {
  column: ListColumn;
  glob: string;
  match: (value: string) => boolean;
}

/** `--filter col=glob`: `*`, `?` and `[…]` as in sh; everything else literal. */
export function parseFilter(spec: string): RowFilter {
  const eq = spec.indexOf("=");
  if (eq <= 0) {
    throw new UsageError(
      `--filter "${spec}": expected <column>=<glob>`,
      "e.g. --filter state=running or --filter addresses=10.1.*",
    );
  }
  const column = checkColumn(spec.slice(0, eq).trim().toLowerCase(), "--filter");
  const glob = spec.slice(eq + 1);
  const re = globToRegExp(glob);
  return { column, glob, match: (v) => re.test(v) };
}

export function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === "*") out += ".*";
    else if (ch === "?") out += ".";
    else if (ch === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close < 0) out += "\\[";
      else {
        let body = glob.slice(i + 1, close);
        const negate = body.startsWith("!") || body.startsWith("^");
        if (negate) body = body.slice(1);
        out += `[${negate ? "^" : ""}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
        i = close;
      }
    } else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, (m) => `\\${m}`);
  }
  return new RegExp(`^${out}$`, "s");
}

/** A row passes when, for every filter, some value of the column matches. */
export function keepRow(row: ZoneRow, filters: RowFilter[]): boolean {
  return filters.every((f) => columnValues(row, f.column).some((v) => f.match(v)));
}

/** Stable sort by one column: addresses by the first address as a number (IPv4 before IPv6). */
export function sortRows(rows: ZoneRow[], col: ListColumn): ZoneRow[] {
  const key = (r: ZoneRow) => columnValues(r, col)[0];
  const cmp =
    col === "addresses"
      ? (a: string, b: string) => compareAddresses(a, b)
      : (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows
    .map((r, i) => ({ r, i, k: key(r) }))
    .sort((x, y) => {
      if (x.k === undefined || y.k === undefined) {
        return x.k === y.k ? x.i - y.i : x.k === undefined ? 1 : -1;
      }
      return cmp(x.k, y.k) || x.i - y.i;
    })
    .map((x) => x.r);
}

function compareAddresses(a: string, b: string): number {
  const pa = parseAddress(a);
  const pb = parseAddress(b);
  if (!pa || !pb) return pa ? -1 : pb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  if (pa.family !== pb.family) return pa.family - pb.family;
  return pa.value < pb.value ? -1 : pa.value > pb.value ? 1 : 0;
}

/**
 * One `-p` line, as libofmt's parsable mode prints it: `:`-joined, and with more than one field
 * `\` → `\\` and `:` → `\:` (one field is printed as it is). Multi-valued fields joined by `,`.
 */
export function parsableLine(values: string[][]): string {
  const esc = (v: string) => (values.length > 1 ? v.replace(/[\\:]/g, (m) => `\\${m}`) : v);
  return values.map((vs) => esc(vs.join(","))).join(":");
}
