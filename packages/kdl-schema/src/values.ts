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
