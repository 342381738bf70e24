import { bitsOf, type Family, parseAddress } from "./address.js";

/** A parsed "a/p" network: base (host bits cleared), last address, IPv4 broadcast (prefix ≤ 30). */
/** JSON form of a Network: bigints as decimal strings (broadcast omitted when there is none). */
export interface NetworkJson {
  family: Family;
  bits: number;
  prefix: number;
  base: string;
  last: string;
  broadcast?: string;
  hostBitsSet: boolean;
}

export class Network {
  readonly family: Family;
  readonly bits: number;
  readonly prefix: number;
  readonly base: bigint;
  readonly last: bigint;
  readonly broadcast: bigint | undefined;
  readonly hostBitsSet: boolean;

  constructor(p: Omit<Network, "toJSON">) {
    this.family = p.family;
    this.bits = p.bits;
    this.prefix = p.prefix;
    this.base = p.base;
    this.last = p.last;
    this.broadcast = p.broadcast;
    this.hostBitsSet = p.hostBitsSet;
  }

  toJSON(): NetworkJson {
    return {
      family: this.family,
      bits: this.bits,
      prefix: this.prefix,
      base: this.base.toString(),
      last: this.last.toString(),
      ...(this.broadcast === undefined ? {} : { broadcast: this.broadcast.toString() }),
      hostBitsSet: this.hostBitsSet,
    };
  }
}

export function parseNetwork(text: string): Network | undefined {
  const p = parseAddress(text);
  if (p === undefined || p.prefix === undefined) return undefined;
  const bits = bitsOf(p.family);
  const hostMask = (1n << BigInt(bits - p.prefix)) - 1n;
  const base = p.value & ~hostMask;
  const last = base | hostMask;
  return new Network({
    family: p.family,
    bits,
    prefix: p.prefix,
    base,
    last,
    broadcast: p.family === 4 && p.prefix <= 30 ? last : undefined,
    hostBitsSet: p.value !== base,
  });
}
