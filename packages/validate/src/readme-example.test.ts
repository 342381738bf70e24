import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanWith, snapshotOf } from "../test/registry.js";
import { renderHuman, validateSnapshot, validationExitCode, withLocations } from "./index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("shows the report the example prints for an intersecting pool", async () => {
    const shown = /```\n(pools\/internal2\.kdl[\s\S]*?)```/.exec(readme)?.[1];
    const snapshot = await snapshotOf(
      cleanWith({
        "pools/internal2.kdl": `pool "internal2" {\n  network "10.1.0.0/24"\n  stub "oinetint0"\n  range-start "10.1.0.200"\n  range-end "10.1.0.220"\n}\n`,
      }),
    );
    const diagnostics = withLocations(snapshot, validateSnapshot(snapshot));
    expect(renderHuman(diagnostics, snapshot, { color: false })).toBe(shown);
    expect(validationExitCode(diagnostics)).toBe(1);
  });

  it("documents every code the rules emit", () => {
    const dir = new URL("./", import.meta.url);
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => readFileSync(new URL(f, dir), "utf8"))
      .join("\n");
    const codes = new Set([...sources.matchAll(/"(zmgr::[a-z_]+::[a-z_]+)"/g)].map((m) => m[1]!));
    expect(codes.size).toBeGreaterThan(20);
    for (const code of codes) {
      const [, area, check] = code.split("::");
      expect(readme, code).toMatch(new RegExp(`zmgr::${area}::[^|]*\\b${check}\\b`));
    }
  });
});
