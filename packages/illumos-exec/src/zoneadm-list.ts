import { UnexpectedOutputError } from "./errors.js";
import type { ZoneListEntry, ZoneState } from "./types.js";

export const ZONE_STATES: readonly ZoneState[] = [
  "configured",
  "incomplete",
  "installed",
  "ready",
  "running",
  "shutting_down",
  "down",
  "mounted",
];

function isZoneState(s: string): s is ZoneState {
  return (ZONE_STATES as readonly string[]).includes(s);
}

/** zoneadm escapes only `:` in the zonepath (as `\:`); a backslash is printed as is. */
export function escapeZonepath(path: string): string {
  return path.replaceAll(":", "\\:");
}

function unescapeZonepath(raw: string): string {
  return raw.replaceAll("\\:", ":");
}

/** Where the zonepath ends in `rest` (everything after `id:name:state:`), given the fields after it. */
function splitZonepath(rest: string): { raw: string; tail: string[] } | undefined {
  const candidates: number[] = [];
  for (let i = rest.indexOf(":"); i !== -1; i = rest.indexOf(":", i + 1)) {
    candidates.push(i);
    if (rest[i - 1] !== "\\") break; // the first unescaped colon: later ones are not candidates
  }
  const valid = (i: number) => {
    const tail = rest.slice(i + 1).split(":");
    return tail.length >= 3 && (tail[2] === "excl" || tail[2] === "shared") ? tail : undefined;
  };
  // Usually the first unescaped colon; a zonepath ending in "\" makes the separator look escaped.
  const ordered = [...candidates.slice(-1), ...candidates.slice(0, -1)];
  for (const i of ordered) {
    const tail = valid(i);
    if (tail) return { raw: rest.slice(0, i), tail };
  }
  return undefined;
}

/** zoneadm prints `-` for a zone without a zonepath (Solaris kernel zones); a real one is absolute. */
function zonepathOf(raw: string): { zonepath?: string } {
  return raw === "-" ? {} : { zonepath: raw };
}

/**
 * The fields after ip-type. OmniOS/SmartOS print an 8th "debug id" (digits, or empty); Solaris 11
 * prints its r/w flag (`R`/`-`) there and more fields after it. Only the OmniOS/SmartOS form is
 * read as a debug id; everything else is kept raw in `extraFields`.
 */
function tailOf(fields: string[]): Pick<ZoneListEntry, "debugId" | "extraFields"> {
  const [eighth, ...rest] = fields;
  if (eighth !== undefined && /^\d*$/.test(eighth)) {
    return rest.length > 0 ? { debugId: eighth, extraFields: rest } : { debugId: eighth };
  }
  return fields.length > 0 ? { extraFields: fields } : {};
}

/** zoneadm's own spelling ("excl" | "shared") in the typed vocabulary used everywhere in zmgr. */
function ipTypeOf(text: string): "exclusive" | "shared" {
  return text === "excl" ? "exclusive" : "shared";
}

/**
 * One `zoneadm list -p` line: 7 fields (illumos-gate, Helios, Solaris 10), 8 (OmniOS, SmartOS:
 * debug id) or more (Solaris 11: kept raw in `extraFields`).
 */
export function parseZoneadmLine(line: string): ZoneListEntry {
  const head = /^(-|\d+):([^:]*):([^:]*):(.*)$/.exec(line);
  const split = head ? splitZonepath(head[4] ?? "") : undefined;
  if (!head || !split) throw new UnexpectedOutputError("zoneadm list -p line", line);
  const [, id = "", name = "", state = ""] = head;
  const [uuid = "", brand = "", ipType = "", ...tail] = split.tail;
  if (!isZoneState(state))
    throw new UnexpectedOutputError(`zone state "${state}" in zoneadm list -p line`, line);
  return {
    id: id === "-" ? undefined : Number(id),
    name,
    state,
    ...zonepathOf(unescapeZonepath(split.raw)),
    uuid,
    brand,
    ipType: ipTypeOf(ipType),
    ...tailOf(tail),
  };
}

/** `zoneadm list -cp` / `zoneadm -z NAME list -p` output, in output order. */
export function parseZoneadmList(stdout: string): ZoneListEntry[] {
  return stdout
    .split("\n")
    .filter((line) => line !== "")
    .map(parseZoneadmLine);
}

/** The line zoneadm prints for an entry (debugId and extraFields appended when set), without the newline. */
export function formatZoneadmLine(entry: ZoneListEntry): string {
  const fields = [
    entry.id === undefined ? "-" : String(entry.id),
    entry.name,
    entry.state,
    entry.zonepath === undefined ? "-" : escapeZonepath(entry.zonepath),
    entry.uuid,
    entry.brand,
    entry.ipType === "exclusive" ? "excl" : "shared",
  ];
  if (entry.debugId !== undefined) fields.push(entry.debugId);
  fields.push(...(entry.extraFields ?? []));
  return fields.join(":");
}

export type ZoneVerboseEntry = Omit<ZoneListEntry, "uuid" | "debugId" | "extraFields">;

/** `zoneadm list -cv` (human columns; the zonepath is not escaped and must not contain blanks; `-` = none). */
export function parseZoneadmListVerbose(stdout: string): ZoneVerboseEntry[] {
  const lines = stdout.split("\n").filter((l) => l.trim() !== "");
  if (lines.length === 0) return [];
  if (!/^\s*ID\s+NAME\s+STATUS\s+PATH\s+BRAND\s+IP\s*$/.test(lines[0] ?? "")) {
    throw new UnexpectedOutputError("zoneadm list -v header", lines[0] ?? "");
  }
  return lines.slice(1).map((line) => {
    const [id = "", name = "", state = "", zonepath = "", brand = "", ip = "", ...extra] = line
      .trim()
      .split(/\s+/);
    if (extra.length > 0 || !isZoneState(state) || (ip !== "excl" && ip !== "shared")) {
      throw new UnexpectedOutputError("zoneadm list -v line", line);
    }
    return {
      id: id === "-" ? undefined : Number(id),
      name,
      state,
      ...zonepathOf(zonepath),
      brand,
      ipType: ipTypeOf(ip),
    };
  });
}
