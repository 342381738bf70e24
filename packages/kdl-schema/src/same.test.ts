import { describe, expect, it } from "vitest";
import { same } from "./same.js";

describe("same", () => {
  it("ignores key order and undefined keys", () => {
    expect(same({ a: 1, b: [1, { c: "x" }] }, { b: [1, { c: "x" }], a: 1, d: undefined })).toBe(
      true,
    );
  });

  it("tells apart different values, lengths and shapes", () => {
    expect(same({ a: 1 }, { a: 2 })).toBe(false);
    expect(same([1, 2], [1, 2, 3])).toBe(false);
    expect(same([], {})).toBe(false);
    expect(same({ a: 1 }, { a: 1, b: 0 })).toBe(false);
    expect(same(null, {})).toBe(false);
  });
});
