import { describe, expect, it } from "vitest";
import { serverErrorOf, verdictOf } from "./server-errors.js";

// Replies as etcd 3.4.23's gateway sends them (HTTP status, body).
describe("serverErrorOf", () => {
  it("reads the error body of a refused request", () => {
    const body = {
      error: "etcdserver: requested lease not found",
      message: "etcdserver: requested lease not found",
      code: 5,
    };
    expect(serverErrorOf(404, body)).toEqual({
      message: "etcdserver: requested lease not found",
      code: 5,
    });
  });

  it("answers undefined for a successful reply", () => {
    expect(serverErrorOf(200, { header: { revision: "3" } })).toBeUndefined();
  });
});

describe("verdictOf", () => {
  const verdict = (message: string, code: number) => verdictOf({ message, code });

  it("lets a request refused before any proposal go to another member", () => {
    expect(verdict("etcdserver: no leader", 14)).toBe("not-applied");
    expect(verdict("etcdserver: too many requests", 8)).toBe("not-applied");
    expect(verdict("etcdserver: not capable", 9)).toBe("not-applied");
  });

  it("counts a timeout inside etcd as possibly applied", () => {
    expect(verdict("etcdserver: request timed out", 14)).toBe("unavailable");
    expect(
      verdict("etcdserver: request timed out, possibly due to previous leader failure", 14),
    ).toBe("unavailable");
    expect(verdict("etcdserver: leader changed", 14)).toBe("unavailable");
  });

  it("tells an invalid token from other refusals", () => {
    expect(verdict("etcdserver: invalid auth token", 16)).toBe("invalid-token");
    expect(verdict("etcdserver: permission denied", 7)).toBe("final");
    expect(verdict("etcdserver: mvcc: required revision has been compacted", 11)).toBe("final");
  });
});
