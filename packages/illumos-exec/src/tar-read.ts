import { UnexpectedOutputError } from "./errors.js";

/** One member of a tar stream that the zone-file reader cares about. */
export type TarMember =
  | { kind: "file"; data: Uint8Array }
  | { kind: "symlink"; target: string }
  | { kind: "other"; type: string };

const BLOCK = 512;
const decoder = new TextDecoder("utf-8", { fatal: false });

function text(bytes: Uint8Array, start: number, length: number): string {
  const field = bytes.subarray(start, start + length);
  const nul = field.indexOf(0);
  return decoder.decode(nul === -1 ? field : field.subarray(0, nul));
}

/** An octal header number (NUL/space terminated). Base-256 (GNU, for > 8 GiB) is refused. */
function octal(bytes: Uint8Array, start: number, length: number, what: string): number {
  if (((bytes[start] ?? 0) & 0x80) !== 0) throw bad(`base-256 ${what}`);
  const t = text(bytes, start, length).trim();
  if (t === "") return 0;
  if (!/^[0-7]+$/.test(t)) throw bad(`${what} ${JSON.stringify(t)}`);
  return Number.parseInt(t, 8);
}

function bad(what: string): UnexpectedOutputError {
  return new UnexpectedOutputError("the tar stream of the zone configuration directory", what);
}

/** The unsigned header sum, the checksum field counted as spaces. */
function checksumOk(header: Uint8Array): boolean {
  const stored = octal(header, 148, 8, "checksum");
  let sum = 8 * 32;
  for (let i = 0; i < 148; i++) sum += header[i] ?? 0;
  for (let i = 156; i < BLOCK; i++) sum += header[i] ?? 0;
  return sum === stored;
}

function allZero(block: Uint8Array): boolean {
  for (let i = 0; i < block.length; i++) if (block[i] !== 0) return false;
  return true;
}

/** `len key=value\n` records of a pax extended header; only `path` and `linkpath` are used. */
function paxRecords(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space === -1) throw bad("pax record without a length");
    const len = Number(decoder.decode(data.subarray(at, space)));
    if (!Number.isInteger(len) || len <= space - at || at + len > data.length) {
      throw bad("pax record length");
    }
    const record = decoder.decode(data.subarray(space + 1, at + len - 1));
    const eq = record.indexOf("=");
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    at += len;
  }
  return out;
}

/** `./web.xml` → `web.xml`; members below the top directory keep their slash (and are ignored). */
function memberName(name: string): string {
  let n = name;
  while (n.startsWith("./")) n = n.slice(2);
  return n.endsWith("/") ? n.slice(0, -1) : n;
}

/**
 * The members of a tar stream (`tar -cf - -C dir .`) by normalised name. Reads POSIX ustar
 * (with `prefix`), old GNU and v7 headers, pax `x` headers (`path`, `linkpath`; `g` headers are
 * skipped), GNU `L`/`K` long names, and hard links (type 1) to an earlier member, which get that
 * member's data. A bad checksum, a truncated member or a malformed number is an
 * UnexpectedOutputError: the caller falls back rather than guessing.
 */
export function readTar(bytes: Uint8Array): Map<string, TarMember> {
  const members = new Map<string, TarMember>();
  let at = 0;
  let pending: Record<string, string> = {};
  while (at + BLOCK <= bytes.length) {
    const header = bytes.subarray(at, at + BLOCK);
    if (allZero(header)) return members;
    if (!checksumOk(header)) throw bad(`header checksum at byte ${at}`);
    const size = octal(header, 124, 12, "size");
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = at + BLOCK;
    if (dataStart + size > bytes.length) throw bad(`member at byte ${at} is truncated`);
    const data = bytes.subarray(dataStart, dataStart + size);
    at = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === "x") {
      pending = { ...pending, ...paxRecords(data) };
      continue;
    }
    if (type === "g") continue;
    if (type === "L" || type === "K") {
      pending[type === "L" ? "path" : "linkpath"] = text(data, 0, data.length);
      continue;
    }
    const ustar = text(header, 257, 6) === "ustar";
    const prefix = ustar && header[263] === 0x30 ? text(header, 345, 155) : "";
    const raw = text(header, 0, 100);
    const name = memberName(pending.path ?? (prefix ? `${prefix}/${raw}` : raw));
    const link = pending.linkpath ?? text(header, 157, 100);
    pending = {};
    if (type === "0" || type === "\0" || type === "7") {
      members.set(name, { kind: "file", data });
    } else if (type === "1") {
      const target = members.get(memberName(link));
      members.set(name, target?.kind === "file" ? target : { kind: "other", type: "hard link" });
    } else if (type === "2") {
      members.set(name, { kind: "symlink", target: link });
    } else {
      members.set(name, { kind: "other", type });
    }
  }
  // A stream cut short (a dropped connection) may end between members: never take it as whole.
  throw bad("the stream ends without its end-of-archive block");
}
