import { bitsOf, type Family, parseAddress } from "./address.js";

/** A parsed "a/p" network: base (host bits cleared), last address, IPv4 broadcast (prefix ≤ 30). */
export interface Network {
  family: Family;
  bits: number;
  prefix: number;
  base: bigint;
  last: bigint;
  broadcast: bigint | undefined;
  hostBitsSet: boolean;
}

export function parseNetwork(text: string): Network | undefined {
  const p = parseAddress(text);
  if (p === undefined || p.prefix === undefined) return undefined;
  const bits = bitsOf(p.family);
  const hostMask = (1n << BigInt(bits - p.prefix)) - 1n;
  const base = p.value & ~hostMask;
  const last = base | hostMask;
  return {
    family: p.family,
    bits,
    prefix: p.prefix,
    base,
    last,
    broadcast: p.family === 4 && p.prefix <= 30 ? last : undefined,
    hostBitsSet: p.value !== base,
  };
}
