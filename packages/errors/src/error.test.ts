import { describe, expect, it } from "vitest";
import { hasErrors, isZmgrError, ZmgrError } from "./index.js";

class PoolExhausted extends ZmgrError {}

describe("ZmgrError", () => {
  it("carries code, help, location and details into its JSON form", () => {
    const err = new PoolExhausted("zmgr::pool::exhausted", "pool internal is full", {
      help: "add addresses to the pool",
      location: { file: "pools/internal.kdl", line: 3, column: 5 },
      details: { pool: "internal", size: 241 },
    });
    expect(err.name).toBe("PoolExhausted");
    expect(isZmgrError(err)).toBe(true);
    expect(err.toJSON()).toEqual({
      code: "zmgr::pool::exhausted",
      message: "pool internal is full",
      help: "add addresses to the pool",
      location: { file: "pools/internal.kdl", line: 3, column: 5 },
      pool: "internal",
      size: 241,
    });
  });

  it("keeps the cause", () => {
    const cause = new Error("EACCES");
    const err = new ZmgrError("zmgr::registry::read_only", "registry is read-only", {
      help: "x",
      cause,
    });
    expect(err.cause).toBe(cause);
    expect(isZmgrError(cause)).toBe(false);
  });
});

describe("hasErrors", () => {
  it("is true only when an error-severity diagnostic is present", () => {
    const warning = { code: "a", severity: "warning", message: "m", help: "h" } as const;
    expect(hasErrors([warning])).toBe(false);
    expect(hasErrors([warning, { ...warning, severity: "error" }])).toBe(true);
  });
});
