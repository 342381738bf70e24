import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocatable,
  type SmallPool,
  smallPool,
  specOf,
  text,
  usedFor,
  usedValues,
} from "../test/oracle.js";
import {
  AddressInUseError,
  AddressNotAllocatableError,
  IpPool,
  intersection,
  PoolExhaustedError,
  validatePool,
} from "./index.js";

const withUsed = smallPool.chain((p) =>
  fc.record({ p: fc.constant(p), used: usedFor(p), count: fc.integer({ min: 1, max: 4 }) }),
);
const runs = { numRuns: 1500 };

function forbidden(p: SmallPool, v: bigint): boolean {
  const last = p.base + (1n << BigInt((p.family === 4 ? 32 : 128) - p.prefix)) - 1n;
  return (
    v === p.base ||
    (p.family === 4 && p.prefix <= 30 && v === last) ||
    v === p.gateway ||
    p.reserve.includes(v)
  );
}

describe("allocation against a brute-force oracle (IPv4 and IPv6 pools of ≤ 64 addresses)", () => {
  it("generated pools are valid", () => {
    fc.assert(
      fc.property(smallPool, (p) => {
        expect(validatePool(specOf(p)).filter((x) => x.severity === "error")).toEqual([]);
      }),
      runs,
    );
  });

  it("size, membership and utilisation match the enumerated allocatable set", () => {
    fc.assert(
      fc.property(withUsed, ({ p, used }) => {
        const pool = IpPool.from(specOf(p));
        const set = allocatable(p);
        expect(pool.size).toBe(BigInt(set.length));
        const size = 1 << ((p.family === 4 ? 32 : 128) - p.prefix);
        for (let i = 0n; i < BigInt(size); i++) {
          expect(pool.contains(text(p.family, p.base + i))).toBe(set.includes(p.base + i));
        }
        const u = usedValues(p, used);
        const inSet = set.filter((v) => u.has(v)).sort((a, b) => (a < b ? -1 : 1));
        const util = pool.utilisation(used);
        expect(util.used).toBe(inSet.length);
        expect(util.free).toBe(BigInt(set.length - inSet.length));
        expect(util.usedAddresses).toEqual(inSet.map((v) => text(p.family, v)));
      }),
      runs,
    );
  });

  it("returns exactly the oracle's next free addresses, or exhaustion exactly when it has none", () => {
    fc.assert(
      fc.property(withUsed, ({ p, used, count }) => {
        const pool = IpPool.from(specOf(p));
        const u = usedValues(p, used);
        const free = allocatable(p).filter((v) => !u.has(v));
        if (free.length < count) {
          expect(() => pool.allocate(used, count)).toThrow(PoolExhaustedError);
          return;
        }
        const got = pool.allocate(used, count);
        const want = free.slice(0, count);
        expect(got).toEqual(want.map((v) => `${text(p.family, v)}/${p.prefix}`));
        for (const v of want) {
          expect(u.has(v)).toBe(false);
          expect(forbidden(p, v)).toBe(false);
        }
      }),
      runs,
    );
  });

  it("accepts a pinned address exactly when it is allocatable and free", () => {
    const input = withUsed.chain((x) => fc.record({ x: fc.constant(x), pin: fc.nat(63) }));
    fc.assert(
      fc.property(input, ({ x: { p, used }, pin }) => {
        const pool = IpPool.from(specOf(p));
        const size = 1 << ((p.family === 4 ? 32 : 128) - p.prefix);
        const v = p.base + BigInt(pin % size);
        const u = usedValues(p, used);
        const set = allocatable(p);
        const call = () => pool.allocate(used, 1, [text(p.family, v)]);
        if (!set.includes(v)) expect(call).toThrow(AddressNotAllocatableError);
        else if (u.has(v)) expect(call).toThrow(AddressInUseError);
        else expect(call()).toEqual([`${text(p.family, v)}/${p.prefix}`]);
      }),
      runs,
    );
  });
});

describe("intersection against a brute-force oracle", () => {
  // two pools in one small network, so that they overlap often
  const pair = fc
    .tuple(smallPool, smallPool)
    .map(([a, b]): [SmallPool, SmallPool] => [
      a,
      { ...b, family: a.family, base: a.base, prefix: a.prefix, ...rebase(b, a) },
    ]);

  it("finds a shared address exactly when the sets meet (the lowest one for two ranges)", () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const pa = IpPool.from(specOf(a, "a"));
        const pb = IpPool.from(specOf(b, "b"));
        const sb = allocatable(b);
        const shared = allocatable(a).filter((v) => sb.includes(v));
        const got = intersection(pa, pb);
        if (shared.length === 0) expect(got).toBeUndefined();
        else if (a.mode.kind === "range" && b.mode.kind === "range") {
          const lowest = [...shared].sort((x, y) => (x < y ? -1 : 1))[0]!;
          expect(got).toBe(text(a.family, lowest));
        } else {
          expect(got).toBeDefined();
          expect(pa.contains(got!) && pb.contains(got!)).toBe(true);
        }
        expect(intersection(pb, pa) === undefined).toBe(got === undefined);
      }),
      runs,
    );
  });
});

/** Moves b's addresses into a's network (same offsets modulo the size). */
function rebase(b: SmallPool, a: SmallPool): Pick<SmallPool, "gateway" | "mode" | "reserve"> {
  const size = 1n << BigInt((a.family === 4 ? 32 : 128) - a.prefix);
  const at = (v: bigint) => a.base + ((v - b.base) % size);
  const gw = b.gateway === undefined || b.gateway === "link-local" ? undefined : at(b.gateway);
  const last = a.base + size - 1n;
  const badGw =
    gw !== undefined && a.family === 4 && a.prefix <= 30 && (gw === a.base || gw === last);
  return {
    gateway: a.family === 6 && b.gateway === "link-local" ? "link-local" : badGw ? undefined : gw,
    mode:
      b.mode.kind === "range"
        ? (() => {
            const [s, e] = [at(b.mode.start), at(b.mode.end)].sort((x, y) => (x < y ? -1 : 1)) as [
              bigint,
              bigint,
            ];
            return { kind: "range" as const, start: s, end: e };
          })()
        : { kind: "list" as const, addresses: b.mode.addresses.map(at) },
    reserve: b.reserve.map(at),
  };
}
