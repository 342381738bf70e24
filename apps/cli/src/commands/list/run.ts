import { UsageError } from "../../shared/errors.js";
import type { Invocation } from "../../shared/kit.js";
import type { Output } from "../../shared/output.js";
import { openSession } from "../../shared/session.js";
import { joinZones, type ZoneRow } from "../../shared/zone-join.js";
import {
  checkColumn,
  columnValues,
  DEFAULT_COLUMNS,
  keepRow,
  type ListColumn,
  parsableLine,
  parseColumns,
  parseFilter,
  sortRows,
} from "./columns.js";
import type { ListFlags } from "./register.js";

/** `zmgr list`: the rows, narrowed by --filter, sorted by -s, shown as -o/-H/-p ask (SPEC §7). */
export async function runList(inv: Invocation, flags: ListFlags): Promise<void> {
  // Every flag is checked before anything runs: a bad column is exit 2 with no host command.
  const columns = flags.output !== undefined ? parseColumns(flags.output) : undefined;
  const sortBy =
    flags.sort !== undefined ? checkColumn(flags.sort.trim().toLowerCase(), "-s") : undefined;
  const filters = (flags.filter ?? []).map(parseFilter);
  if (flags.parsable && columns === undefined) {
    throw new UsageError("-p needs -o", "name the columns, e.g. zmgr list -p -o name,state");
  }
  const s = await openSession(inv);
  let rows = joinZones(
    s.snapshot,
    await s.host.listZones(),
    (z) => s.registry.reservationState(z),
    (z) => s.registry.reservedElsewhere(z),
    inv.ctx.deps.hostname,
  ).filter((r) => keepRow(r, filters));
  if (sortBy) rows = sortRows(rows, sortBy);
  if (s.out.json) {
    s.out.printJson(rows);
    return;
  }
  if (flags.parsable) {
    for (const r of rows) {
      s.out.line(parsableLine((columns ?? []).map((c) => columnValues(r, c))));
    }
    return;
  }
  if (rows.length === 0 && columns === undefined && filters.length === 0) {
    s.out.line("no zones (create one with `zmgr create <name>`)");
    return;
  }
  printTable(
    s.out,
    rows,
    columns ?? DEFAULT_COLUMNS,
    columns === undefined,
    flags.omitHeader === true,
  );
}

function printTable(
  out: Output,
  rows: ZoneRow[],
  columns: ListColumn[],
  decorate: boolean,
  noHeader: boolean,
): void {
  const { c } = out;
  const paint = (state: string) =>
    state === "running"
      ? c.green(state)
      : ["failed", "interrupted", "missing"].includes(state)
        ? c.red(state)
        : state.startsWith("creating")
          ? c.yellow(state)
          : state;
  const cells = rows.map((r) =>
    columns.map((col) => {
      const text = columnValues(r, col).join(",") || "-";
      if (col !== "state") return text;
      return paint(text) + (decorate && !r.registered ? c.dim(" (not in registry)") : "");
    }),
  );
  const headers = columns.map((col) => col.toUpperCase());
  // -H: the header is dropped and does not widen the columns either.
  if (noHeader)
    out.table(
      headers.map(() => ""),
      cells,
      { header: false },
    );
  else out.table(headers, cells);
}
