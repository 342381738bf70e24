import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addressOfClaimKey,
  claimKeyOf,
  claimKeyOfValue,
  formatClaim,
  parseClaim,
} from "./claims.js";

const v4 = fc.bigInt({ min: 0n, max: 0xffffffffn });
const v6 = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n });
const dotted = (v: bigint) => [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join(".");

describe("claim keys", () => {
  it("are SPEC §6's lowercase hex, by hand-written cases", () => {
    expect(claimKeyOf("10.1.0.10/24")).toBe("v4/0a01000a");
    expect(claimKeyOf("0.0.0.0")).toBe("v4/00000000");
    expect(claimKeyOf("2001:DB8:1::10/64")).toBe("v6/20010db8000100000000000000000010");
    expect(claimKeyOf("not-an-address")).toBeUndefined();
    expect(addressOfClaimKey("v4/0a01000a")).toBe("10.1.0.10");
    expect(addressOfClaimKey("v4/0A01000A")).toBeUndefined();
    expect(addressOfClaimKey("v6/20010db8000100000000000000000010")).toBe("2001:db8:1::10");
  });

  it("sort as text exactly as the addresses sort as numbers (both families)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.constant(4 as const), v4, v4),
          fc.tuple(fc.constant(6 as const), v6, v6),
        ),
        ([family, a, b]) => {
          const ka = claimKeyOfValue(family, a);
          const kb = claimKeyOfValue(family, b);
          expect(Math.sign(ka < kb ? -1 : ka > kb ? 1 : 0)).toBe(a < b ? -1 : a > b ? 1 : 0);
        },
      ),
      { verbose: true }, // fast-check prints the seed and path of a failure to replay it
    );
  });

  it("read back to the dotted quad they were made from", () => {
    fc.assert(
      fc.property(v4, (v) => {
        expect(addressOfClaimKey(claimKeyOf(dotted(v))!)).toBe(dotted(v));
      }),
      { verbose: true },
    );
  });
});

describe("claim values", () => {
  it("round-trip any zone, host, pool, address and nonce text", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        (zone, host, pool, address, txn) => {
          const claim = { zone, host, pool, address, txn };
          expect(parseClaim(formatClaim(claim))).toEqual(claim);
        },
      ),
      { verbose: true },
    );
  });

  it("is one KDL node as SPEC §6 writes it", () => {
    expect(
      formatClaim({
        zone: "web1",
        host: "gz1",
        pool: "internal",
        address: "10.1.0.10/24",
        txn: "n1",
      }),
    ).toBe('claim zone="web1" host="gz1" pool="internal" address="10.1.0.10/24" txn="n1"\n');
    expect(parseClaim('zone "x" {}')).toBeUndefined();
  });
});
