/**
 * fastV4Packed() unpacked: the address and its prefix (-1 when absent), or undefined when the
 * text is not plain IPv4.
 */
export function fastV4(text: string): { value: number; prefix: number } | undefined {
  const packed = fastV4Packed(text);
  if (packed < 0) return undefined;
  return { value: Math.floor(packed / 64), prefix: (packed % 64) - 1 };
}

/** The address of plain IPv4 text ("a.b.c.d" or "a.b.c.d/p") as a number, or -1. */
export function fastV4Value(text: string): number {
  const packed = fastV4Packed(text);
  return packed < 0 ? -1 : Math.floor(packed / 64);
}

/**
 * Hot path for the common case: "a.b.c.d" or "a.b.c.d/p" read with char codes, no regex and no
 * allocation. Returns value × 64 + (prefix + 1) (prefix -1 when absent; exact, below 2^38), or
 * -1 when the text is anything else (the caller then falls back to the general parser). Same
 * strict grammar as ip-address: octets 0–255 and prefix 0–32, both without leading zeros.
 */
export function fastV4Packed(text: string): number {
  const n = text.length;
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return -1; // leading zero
      octet = octet * 10 + (c - 48);
      if (octet > 255) return -1;
      digits++;
    } else if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c === 47) {
      break;
    } else return -1;
  }
  if (digits === 0 || dots !== 3) return -1;
  value = value * 256 + octet;
  if (i === n) return value * 64;
  let prefix = 0;
  let pdigits = 0;
  for (i++; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57 || (pdigits > 0 && prefix === 0)) return -1;
    prefix = prefix * 10 + (c - 48);
    pdigits++;
    if (prefix > 32) return -1;
  }
  if (pdigits === 0) return -1;
  return value * 64 + prefix + 1;
}
