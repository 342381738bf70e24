import { describe, expect, it } from "vitest";
import { findPool, IpPool, intersection } from "./index.js";

const range = (name: string, start: string, end: string, extra: object = {}) =>
  IpPool.from({ name, network: "10.1.0.0/24", range: { start, end }, ...extra });
const list = (name: string, addresses: string[]) =>
  IpPool.from({ name, network: "10.1.0.0/24", addresses });

describe("intersection", () => {
  it("gives the lowest shared address of two overlapping ranges", () => {
    expect(
      intersection(range("a", "10.1.0.10", "10.1.0.100"), range("b", "10.1.0.50", "10.1.0.200")),
    ).toBe("10.1.0.50");
  });

  it("skips points excluded by either pool, and is undefined when only excluded points overlap", () => {
    const a = range("a", "10.1.0.10", "10.1.0.20", { reserve: ["10.1.0.20"] });
    expect(
      intersection(a, range("b", "10.1.0.19", "10.1.0.30", { gateway: "10.1.0.19" })),
    ).toBeUndefined();
    expect(intersection(a, range("b", "10.1.0.18", "10.1.0.30", { gateway: "10.1.0.18" }))).toBe(
      "10.1.0.19",
    );
  });

  it("does not enumerate: two overlapping IPv6 /64 ranges answer at once", () => {
    const v6 = (name: string, start: string) =>
      IpPool.from({
        name,
        network: "2001:db8::/64",
        range: { start, end: "2001:db8::ffff:ffff:ffff:ffff" },
      });
    expect(intersection(v6("a", "2001:db8::1"), v6("b", "2001:db8::8000:0:0:0"))).toBe(
      "2001:db8:0:0:8000::",
    );
  });

  it("finds list entries inside a range or another list, and none across families", () => {
    expect(
      intersection(list("l", ["10.1.0.5", "10.1.0.50"]), range("r", "10.1.0.10", "10.1.0.90")),
    ).toBe("10.1.0.50");
    expect(
      intersection(range("r", "10.1.0.10", "10.1.0.90"), list("l", ["10.1.0.91"])),
    ).toBeUndefined();
    expect(intersection(list("x", ["10.1.0.7", "10.1.0.8"]), list("y", ["10.1.0.8"]))).toBe(
      "10.1.0.8",
    );
    const v6 = IpPool.from({
      name: "v6",
      network: "::/96",
      range: { start: "::a01:0", end: "::a01:ff" },
    });
    expect(intersection(range("r", "10.1.0.1", "10.1.0.254"), v6)).toBeUndefined();
  });
});

describe("findPool", () => {
  const internal = range("internal", "10.1.0.10", "10.1.0.250", { gateway: "10.1.0.1" });
  const hoster = list("hoster", ["10.1.0.5"]);
  const v6 = IpPool.from({ name: "v6", network: "2001:db8:1::/64", addresses: ["2001:db8:1::10"] });

  it("prefers the pool whose allocatable set holds the address", () => {
    expect(findPool([internal, hoster], "10.1.0.5/24")).toEqual({
      pool: hoster,
      match: "allocatable",
    });
    expect(findPool([hoster, internal], "10.1.0.11")?.pool).toBe(internal);
  });

  it("falls back to the first pool whose network holds it, then undefined", () => {
    expect(findPool([hoster, internal], "10.1.0.1")).toEqual({ pool: hoster, match: "network" });
    expect(findPool([internal, v6], "2001:DB8:1::99")).toEqual({ pool: v6, match: "network" });
    expect(findPool([internal, v6], "10.2.0.1")).toBeUndefined();
    expect(findPool([internal], "junk")).toBeUndefined();
  });
});
