import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasErrors, isZmgrError, ZmgrError } from "./index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

// Mirrors the example in README.md: if this fails, the README is wrong.
describe("README example", () => {
  it("prints what the README says", () => {
    class PoolFullError extends ZmgrError {
      readonly pool: string;
      constructor(pool: string) {
        super("zmgr::pool::exhausted", `pool ${pool} has no free address`, {
          help: `add addresses with \`zmgr pool add-address ${pool} …\``,
          details: { pool },
        });
        this.pool = pool;
      }
    }
    const printed: string[] = [];
    try {
      throw new PoolFullError("internal");
    } catch (err) {
      if (isZmgrError(err)) printed.push(JSON.stringify(err));
    }
    expect(readme).toContain(`// ${printed[0]}`);
    expect(hasErrors([{ code: "zmgr::x::y", severity: "warning", message: "m", help: "h" }])).toBe(
      false,
    );
  });
});
