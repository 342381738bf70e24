// Mirrors the example in README.md line for line: if this fails, the README is wrong.
import { describe, expect, it } from "vitest";
import {
  canonicalAddress,
  findPool,
  IpPool,
  intersection,
  PoolExhaustedError,
  validatePool,
} from "./index.js";

describe("README example", () => {
  it("prints what the README says", () => {
    const internal = IpPool.from({
      name: "internal",
      network: "10.1.0.0/24",
      gateway: "10.1.0.1",
      range: { start: "10.1.0.10", end: "10.1.0.250" },
      reserve: ["10.1.0.53"],
    });
    const v6 = IpPool.from({
      name: "internal-v6",
      network: "2001:db8:1::/64",
      gateway: "fe80::1",
      range: { start: "2001:db8:1::10", end: "2001:db8:1::ffff" },
    });
    const used = ["10.1.0.10/24", "10.1.0.11/24", "2001:DB8:1:0:0:0:0:10/64"];
    expect(internal.allocate(used)).toEqual(["10.1.0.12/24"]);
    expect(internal.allocate(used, 2)).toEqual(["10.1.0.12/24", "10.1.0.13/24"]);
    expect(internal.allocate(used, 1, ["10.1.0.100"])).toEqual(["10.1.0.100/24"]);
    expect(v6.allocate(used)).toEqual(["2001:db8:1::11/64"]);
    const u = internal.utilisation(used);
    expect([u.size, u.used, u.free, u.percent.toFixed(1)]).toEqual([240n, 2, 238n, "0.8"]);
    expect(canonicalAddress("2001:0DB8:0:0:1:0:0:1/64")).toBe("2001:db8::1:0:0:1/64");
    expect(findPool([internal, v6], "10.1.0.5")?.match).toBe("network");
    expect(intersection(internal, v6)).toBeUndefined();
    expect(
      validatePool({ name: "bad", network: "10.1.0.0/24", gateway: "10.2.0.1", addresses: [] }).map(
        (p) => p.code,
      ),
    ).toEqual(["zmgr::pool::gateway_outside_network"]);
    const tiny = IpPool.from({ name: "tiny", network: "192.0.2.0/24", addresses: ["192.0.2.7"] });
    try {
      tiny.allocate(["192.0.2.7"]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PoolExhaustedError);
      const err = e as PoolExhaustedError;
      expect(`${err.code}: ${err.message}`).toBe(
        'zmgr::pool::exhausted: pool "tiny" is exhausted (size 1, all in use)',
      );
    }
  });
});
