import { Address6 } from "ip-address";
import { InvalidAddressError } from "./errors.js";
import { fastV4 } from "./fast-v4.js";
import { fastV6 } from "./fast-v6.js";

export type Family = 4 | 6;

export interface ParsedAddress {
  family: Family;
  value: bigint;
  prefix?: number;
}

/** Number of bits in an address of the family. */
export function bitsOf(family: Family): 32 | 128 {
  return family === 4 ? 32 : 128;
}

const V4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX6 = /^[0-9a-fA-F:]+$/;
const PREFIX = /^(0|[1-9]\d{0,2})$/;

/**
 * Parses "a" or "a/p" (IPv4 dotted quad, IPv6 in any RFC 4291 text form). Returns undefined for
 * anything else, including IPv6 zone ids ("fe80::1%net0") and surrounding whitespace.
 * Plain forms take a char-code fast path (fast-v4.ts, fast-v6.ts); embedded IPv4 is judged by
 * ip-address. A property test holds all paths to ip-address's verdict.
 */
export function parseAddress(text: string): ParsedAddress | undefined {
  const v4 = fastV4(text);
  if (v4 !== undefined) {
    const value = BigInt(v4.value);
    return v4.prefix < 0 ? { family: 4, value } : { family: 4, value, prefix: v4.prefix };
  }
  const v6 = fastV6(text);
  if (v6 !== undefined) {
    const { value, prefix } = v6;
    return prefix < 0 ? { family: 6, value } : { family: 6, value, prefix };
  }
  const slash = text.indexOf("/");
  const addr = slash < 0 ? text : text.slice(0, slash);
  let prefix: number | undefined;
  if (slash >= 0) {
    const p = text.slice(slash + 1);
    if (!PREFIX.test(p)) return undefined;
    prefix = Number(p);
  }
  const parsed = parseBare(addr);
  if (parsed === undefined) return undefined;
  if (prefix === undefined) return parsed;
  if (prefix > bitsOf(parsed.family)) return undefined;
  return { ...parsed, prefix };
}

function parseBare(addr: string): ParsedAddress | undefined {
  const m = V4.exec(addr);
  if (m) {
    const n = ((Number(m[1]) * 256 + Number(m[2])) * 256 + Number(m[3])) * 256 + Number(m[4]);
    return { family: 4, value: BigInt(n) };
  }
  if (!addr.includes(":")) return undefined;
  if (HEX6.test(addr)) {
    const value = parseHex6(addr);
    return value === undefined ? undefined : { family: 6, value };
  }
  // Embedded IPv4 (::ffff:192.0.2.1) and anything unusual: ip-address decides.
  if (addr.includes("%") || !addr.includes(".") || !Address6.isValid(addr)) return undefined;
  return { family: 6, value: new Address6(addr).bigInt() };
}

function parseHex6(addr: string): bigint | undefined {
  const halves = addr.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] === "" ? [] : halves[0]!.split(":");
  const tail = halves.length === 2 && halves[1] !== "" ? halves[1]!.split(":") : [];
  const total = head.length + tail.length;
  if (halves.length === 2 ? total > 7 : total !== 8) return undefined;
  const groups = [...head, ...Array<string>(8 - total).fill("0"), ...tail];
  let value = 0n;
  for (const g of groups) {
    if (g.length === 0 || g.length > 4) return undefined;
    value = (value << 16n) | BigInt(Number.parseInt(g, 16));
  }
  return value;
}

export function familyOf(text: string): Family | undefined {
  return parseAddress(text)?.family;
}

/** fe80::/10 (accepts "a" or "a/p"). */
export function isLinkLocalV6(text: string): boolean {
  const p = parseAddress(text);
  return p !== undefined && p.family === 6 && p.value >> 118n === 0x3fan;
}

/** Text of an address: dotted quad, or RFC 5952 for IPv6. */
export function formatAddress(family: Family, value: bigint): string {
  if (family === 4) {
    const n = Number(value);
    return `${Math.floor(n / 16777216)}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
  }
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  // longest run of zero groups (length ≥ 2), first one on a tie
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestAt < 0) return hex.join(":");
  return `${hex.slice(0, bestAt).join(":")}::${hex.slice(bestAt + bestLen).join(":")}`;
}

/**
 * Canonical text of "a" or "a/p" (the prefix is kept): IPv4 dotted quad without leading zeros,
 * IPv6 per RFC 5952 (lowercase, no leading zeros, longest zero run of two or more groups
 * compressed, the first on a tie; embedded IPv4 is written in hex). Throws InvalidAddressError.
 */
export function canonicalAddress(text: string): string {
  const p = parseAddress(text);
  if (p === undefined) throw new InvalidAddressError(text);
  const bare = formatAddress(p.family, p.value);
  return p.prefix === undefined ? bare : `${bare}/${p.prefix}`;
}
