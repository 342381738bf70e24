import { Address6 } from "ip-address";
import { InvalidAddressError } from "./errors.js";
import { fastV4 } from "./fast-v4.js";
import { fastV6 } from "./fast-v6.js";

export type Family = 4 | 6;

/** JSON form of a ParsedAddress: the value as a decimal string. */
export interface ParsedAddressJson {
  family: Family;
  value: string;
  prefix?: number;
}

/** A parsed "a" or "a/p". `toJSON()` writes `value` as a decimal string. */
export class ParsedAddress {
  readonly family: Family;
  readonly value: bigint;
  readonly prefix?: number;

  constructor(family: Family, value: bigint, prefix?: number) {
    this.family = family;
    this.value = value;
    if (prefix !== undefined) this.prefix = prefix;
  }

  toJSON(): ParsedAddressJson {
    const json: ParsedAddressJson = { family: this.family, value: this.value.toString() };
    if (this.prefix !== undefined) json.prefix = this.prefix;
    return json;
  }
}

/** Number of bits in an address of the family. */
export function bitsOf(family: Family): 32 | 128 {
  return family === 4 ? 32 : 128;
}

const PREFIX = /^(0|[1-9]\d{0,2})$/;

/**
 * Parses "a" or "a/p" (IPv4 dotted quad, IPv6 in any RFC 4291 text form). Returns undefined for
 * anything else, including IPv6 zone ids ("fe80::1%net0") and surrounding whitespace.
 * Plain forms are read by char-code parsers (fast-v4.ts, fast-v6.ts); embedded IPv4 is judged by
 * ip-address. A property test holds every path to ip-address's verdict.
 */
export function parseAddress(text: string): ParsedAddress | undefined {
  const v4 = fastV4(text);
  if (v4 !== undefined) {
    return new ParsedAddress(4, BigInt(v4.value), v4.prefix < 0 ? undefined : v4.prefix);
  }
  const v6 = fastV6(text);
  if (v6 !== undefined) {
    return new ParsedAddress(6, v6.value, v6.prefix < 0 ? undefined : v6.prefix);
  }
  // Embedded IPv4 (::ffff:192.0.2.1, optionally "/p"): ip-address decides.
  const slash = text.indexOf("/");
  const addr = slash < 0 ? text : text.slice(0, slash);
  const p = slash < 0 ? undefined : text.slice(slash + 1);
  if (!addr.includes(":") || !addr.includes(".") || addr.includes("%")) return undefined;
  if (p !== undefined && (!PREFIX.test(p) || Number(p) > 128)) return undefined;
  if (!Address6.isValid(addr)) return undefined;
  const value = new Address6(addr).bigInt();
  return new ParsedAddress(6, value, p === undefined ? undefined : Number(p));
}

/** A plain address ("10.1.0.1", "2001:db8::1"): the one syntax check zmgr uses; no "/p". */
export function isAddress(text: string): boolean {
  const p = parseAddress(text);
  return p !== undefined && p.prefix === undefined;
}

/** "a/p": an address with a prefix length that fits its family (0–32, 0–128). */
export function isCidr(text: string): boolean {
  return parseAddress(text)?.prefix !== undefined;
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
