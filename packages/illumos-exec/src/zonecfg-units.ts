/**
 * zonecfg's `bytes_to_units` (zonecfg.c): how `info` prints a byte count (capped-memory
 * physical/swap/locked, max-shm-memory). Below 1024: the number. Else divide by 1024, rounding
 * to nearest, until below 1024 or at T; one decimal (`%2.1f` of the previous step / 1024, C
 * rounding: exact halves to even) when that step was not a whole multiple and is below 10 units.
 */
export function bytesToUnits(bytes: bigint): string {
  if (bytes < 1024n) return bytes.toString();
  const units = "BKMGT";
  let up = 0;
  let num = bytes;
  let save = 0n;
  while (num >= 1024n && units[up] !== "T") {
    up++;
    save = num;
    num = (num + 512n) >> 10n;
  }
  const unit = units[up] ?? "T";
  if (save % 1024n !== 0n && save >> 10n < 10n) {
    const scaled = save * 10n;
    let tenths = scaled / 1024n;
    const rest = scaled % 1024n;
    if (rest > 512n || (rest === 512n && tenths % 2n === 1n)) tenths++;
    return `${tenths / 10n}.${tenths % 10n}${unit}`;
  }
  return `${num}${unit}`;
}

/** A decimal byte count as XML holds it (`limit="268435456"`); undefined when not one. */
export function parseByteCount(text: string | undefined): bigint | undefined {
  return text !== undefined && /^[0-9]{1,20}$/.test(text) ? BigInt(text) : undefined;
}
