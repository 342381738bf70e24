import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { captureNames } from "./test-captures.js";

// Every real capture must be exercised by a parser or wrapper test of the core half.
describe("fixtures/captures", () => {
  const srcDir = new URL("./", import.meta.url);
  const tests = readdirSync(srcDir)
    .filter((f) => f.endsWith(".test.ts") && !f.startsWith("sim") && f !== "captures.test.ts")
    .map((f) => readFileSync(new URL(f, srcDir), "utf8"))
    .join("\n");

  it("holds the shared captures", () => {
    expect(captureNames().length).toBeGreaterThanOrEqual(12);
  });

  for (const name of captureNames()) {
    it(`is read by a test: ${name}`, () => {
      expect(tests).toContain(`readCapture("${name}")`);
    });
  }
});
