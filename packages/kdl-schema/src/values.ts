import { Address6 } from "ip-address";

const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIPv4(s: string): boolean {
  return V4.test(s);
}

export function isIPv6(s: string): boolean {
  if (!s.includes(":") || /[%/\s]/.test(s) || !/^[0-9A-Fa-f:.]+$/.test(s)) return false;
  return Address6.isValid(s);
}

export function isIpAddress(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

/** "a/p" with a valid address and a prefix length that fits its family. */
export function isCidr(s: string): boolean {
  const slash = s.indexOf("/");
  if (slash < 0) return false;
  const addr = s.slice(0, slash);
  const prefix = s.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(prefix)) return false;
  const p = Number(prefix);
  if (isIPv4(addr)) return p <= 32;
  if (isIPv6(addr)) return p <= 128;
  return false;
}

export function isAbsolutePath(s: string): boolean {
  return s.startsWith("/") && !s.includes("\0");
}

/** zonecfg capped-memory sizes: a number with an optional K/M/G/T unit, e.g. "2G", "512M". */
export function isMemorySize(s: string): boolean {
  return /^\d+(\.\d+)?[KMGT]?$/i.test(s);
}

/** A date ("2026-03-22") or an ISO date-time ("2026-03-22T10:00:00Z"). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) return false;
  return !Number.isNaN(Date.parse(s));
}
