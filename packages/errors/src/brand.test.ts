import { describe, expect, it } from "vitest";
import { isZmgrError, ZmgrError } from "./index.js";

// A second, separately loaded copy of the module (its own ZmgrError class), as when two
// versions of @zmgr/errors are installed side by side.
async function secondCopy(): Promise<typeof import("./error.js")> {
  return import(/* @vite-ignore */ `./error.js?copy=${Date.now()}`);
}

describe("isZmgrError", () => {
  it("recognises an error made by another copy of the package, where instanceof fails", async () => {
    const other = await secondCopy();
    expect(other.ZmgrError).not.toBe(ZmgrError);
    const foreign = new other.ZmgrError("zmgr::x::y", "m", { help: "h" });
    expect(foreign instanceof ZmgrError).toBe(false);
    expect(isZmgrError(foreign)).toBe(true);
    expect(other.isZmgrError(new ZmgrError("zmgr::x::y", "m", { help: "h" }))).toBe(true);
  });

  it("recognises subclasses and refuses look-alikes without the brand", () => {
    class Locked extends ZmgrError {}
    expect(isZmgrError(new Locked("zmgr::registry::locked", "m", { help: "h" }))).toBe(true);
    const lookalike = Object.assign(new Error("m"), { code: "zmgr::x::y", help: "h" });
    for (const v of [lookalike, null, undefined, "zmgr::x::y", 42, {}]) {
      expect(isZmgrError(v)).toBe(false);
    }
  });

  it("keeps the brand out of the JSON form and out of the enumerable keys' values", () => {
    const err = new ZmgrError("zmgr::x::y", "m", { help: "h" });
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      code: "zmgr::x::y",
      message: "m",
      help: "h",
    });
    expect(Object.getOwnPropertySymbols(err)).toEqual([Symbol.for("@zmgr/errors.ZmgrError")]);
  });
});
