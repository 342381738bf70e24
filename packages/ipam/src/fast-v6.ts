/**
 * Hot path for plain IPv6 text ("2001:db8::10", optionally "/p"): hex groups and at most one
 * "::", read with char codes. Returns undefined for anything else (embedded IPv4, zone ids,
 * bad syntax); the caller then falls back to the general parser, which judges those forms.
 */
export function fastV6(text: string): { value: bigint; prefix: number } | undefined {
  const n = text.length;
  const groups = new Uint16Array(8); // per call: no state shared between calls
  let count = 0; // groups written
  let gap = -1; // index in `groups` where "::" stands
  let group = 0;
  let digits = 0;
  let i = 0;
  if (n >= 2 && text.charCodeAt(0) === 58) {
    if (text.charCodeAt(1) !== 58) return undefined;
    gap = 0;
    i = 2;
  }
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else if (c >= 65 && c <= 70) d = c - 55;
    else if (c === 58) {
      if (digits === 0 || count === 8) return undefined;
      groups[count++] = group;
      group = 0;
      digits = 0;
      if (i + 1 < n && text.charCodeAt(i + 1) === 58) {
        if (gap >= 0) return undefined;
        gap = count;
        i++;
      } else if (!isHex(text.charCodeAt(i + 1))) return undefined;
      continue;
    } else if (c === 47) break;
    else return undefined;
    if (++digits > 4) return undefined;
    group = group * 16 + d;
  }
  if (digits > 0) {
    if (count === 8) return undefined;
    groups[count++] = group;
  }
  if (gap < 0 ? count !== 8 : count > 7) return undefined;
  if (gap >= 0) {
    const move = count - gap;
    for (let k = 1; k <= move; k++) groups[8 - k] = groups[count - k]!;
    for (let k = gap; k < 8 - move; k++) groups[k] = 0;
  }
  let prefix = -1;
  if (i < n) {
    prefix = 0;
    let pdigits = 0;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57 || (pdigits > 0 && prefix === 0)) return undefined;
      prefix = prefix * 10 + (c - 48);
      pdigits++;
      if (prefix > 128) return undefined;
    }
    if (pdigits === 0) return undefined;
  }
  const w = (k: number) => BigInt(groups[k]! * 65536 + groups[k + 1]!);
  const value = (w(0) << 96n) | (w(2) << 64n) | (w(4) << 32n) | w(6);
  return { value, prefix };
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
