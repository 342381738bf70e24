// Brute-force model of SPEC §1 "pools", written independently of src/: it enumerates every
// address of a small network and formats with ip-address. Used by the property tests.

import fc from "fast-check";
import { Address4, Address6 } from "ip-address";
import type { PoolSpec } from "../src/index.js";

export interface SmallPool {
  family: 4 | 6;
  base: bigint; // network address
  prefix: number;
  gateway: bigint | "link-local" | undefined;
  mode: { kind: "range"; start: bigint; end: bigint } | { kind: "list"; addresses: bigint[] };
  reserve: bigint[];
}

export function text(family: 4 | 6, v: bigint): string {
  return family === 4 ? Address4.fromBigInt(v).correctForm() : Address6.fromBigInt(v).correctForm();
}

export function specOf(p: SmallPool, name = "p"): PoolSpec {
  const t = (v: bigint) => text(p.family, v);
  return {
    name,
    network: `${t(p.base)}/${p.prefix}`,
    ...(p.gateway === undefined
      ? {}
      : { gateway: p.gateway === "link-local" ? "fe80::1" : t(p.gateway) }),
    ...(p.mode.kind === "range"
      ? { range: { start: t(p.mode.start), end: t(p.mode.end) } }
      : { addresses: p.mode.addresses.map(t) }),
    reserve: p.reserve.map(t),
  };
}

/** The allocatable set in allocation order: ascending (range) or file order (list). */
export function allocatable(p: SmallPool): bigint[] {
  const bits = p.family === 4 ? 32 : 128;
  const count = 1n << BigInt(bits - p.prefix);
  const last = p.base + count - 1n;
  const excluded = (v: bigint) =>
    v === p.base ||
    (p.family === 4 && p.prefix <= 30 && v === last) ||
    v === p.gateway ||
    p.reserve.includes(v);
  const all: bigint[] = [];
  for (let v = p.base; v <= last; v++) all.push(v);
  const candidates =
    p.mode.kind === "range"
      ? all.filter((v) => p.mode.kind === "range" && v >= p.mode.start && v <= p.mode.end)
      : p.mode.addresses.filter((v, i, arr) => arr.indexOf(v) === i);
  return candidates.filter((v) => !excluded(v));
}

const V4_MAX = (1n << 32n) - 1n;
const V6_MAX = (1n << 128n) - 1n;

/** Small valid pools (≤ 64 addresses in the network), IPv4 and IPv6. */
export const smallPool: fc.Arbitrary<SmallPool> = fc
  .record({
    family: fc.constantFrom(4 as const, 6 as const),
    hostBits: fc.integer({ min: 0, max: 6 }),
    seed: fc.bigInt(0n, V6_MAX),
    list: fc.boolean(),
    a: fc.nat(63),
    b: fc.nat(63),
    addresses: fc.array(fc.nat(63), { maxLength: 10 }),
    gateway: fc.option(fc.oneof(fc.nat(63), fc.constant(-1)), { nil: undefined }),
    reserve: fc.array(fc.nat(63), { maxLength: 4 }),
  })
  .map((r): SmallPool => {
    const bits = r.family === 4 ? 32 : 128;
    const size = 1 << r.hostBits;
    const base =
      ((r.family === 4 ? r.seed & V4_MAX : r.seed) >> BigInt(r.hostBits)) << BigInt(r.hostBits);
    const at = (n: number) => base + BigInt(n % size);
    let gateway: SmallPool["gateway"];
    if (r.gateway === -1) gateway = r.family === 6 ? "link-local" : undefined;
    else if (r.gateway !== undefined) {
      gateway = at(r.gateway);
      // an IPv4 gateway may not be the network or broadcast address (validatePool refuses it)
      const v4Special =
        r.family === 4 &&
        r.hostBits >= 2 &&
        (gateway === base || gateway === base + BigInt(size - 1));
      if (v4Special) gateway = undefined;
    }
    const [lo, hi] = [r.a % size, r.b % size].sort((x, y) => x - y) as [number, number];
    return {
      family: r.family,
      base,
      prefix: bits - r.hostBits,
      gateway,
      mode: r.list
        ? { kind: "list", addresses: r.addresses.map(at) }
        : { kind: "range", start: at(lo), end: at(hi) },
      reserve: r.reserve.map(at),
    };
  });

/** Used entries for a pool: its addresses in several spellings plus noise (other family, outside). */
export function usedFor(p: SmallPool): fc.Arbitrary<string[]> {
  const size = 1 << ((p.family === 4 ? 32 : 128) - p.prefix);
  const spelled = fc.record({ n: fc.nat(63), how: fc.nat(3) }).map(({ n, how }) => {
    const v = p.base + BigInt(n % size);
    const t = text(p.family, v);
    const forms = [
      t,
      `${t}/${p.prefix}`,
      p.family === 6 ? new Address6(t).canonicalForm().toUpperCase() : `${t}/32`,
      `${t}/${p.family === 4 ? 8 : 48}`,
    ];
    return { t: forms[how]! };
  });
  const noise = fc.constantFrom(
    "192.0.2.77/24",
    "2001:db8:ffff::1/64",
    "not-an-address",
    "fe80::99",
  );
  return fc
    .tuple(fc.array(spelled, { maxLength: 70 }), fc.array(noise, { maxLength: 3 }))
    .map(([xs, ns]) => [...xs.map((x) => x.t), ...ns]);
}

/** The used values of the pool's family, parsed by ip-address ("/p" dropped, junk skipped). */
export function usedValues(p: SmallPool, texts: string[]): Set<bigint> {
  const out = new Set<bigint>();
  for (const t of texts) {
    const bare = t.split("/")[0]!;
    if (p.family === 4 && Address4.isValid(bare)) out.add(new Address4(bare).bigInt());
    if (p.family === 6 && !bare.includes(".") && Address6.isValid(bare))
      out.add(new Address6(bare).bigInt());
  }
  return out;
}
