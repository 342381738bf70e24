import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Every module the entry loads, following its relative imports (`import`/`export … from`). */
function loadedModules(entry: string): { local: Set<string>; external: Set<string> } {
  const local = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string) => {
    if (local.has(file)) return;
    local.add(file);
    const text = readFileSync(new URL(file, import.meta.url), "utf8");
    for (const m of text.matchAll(/^(?:import|export)\s(?!type\b)[^;]*?from\s+"([^"]+)";/gms)) {
      const spec = m[1] ?? "";
      if (spec.startsWith("./")) visit(spec.replace(/\.js$/, ".ts"));
      else external.add(spec);
    }
  };
  visit(entry);
  return { local, external };
}

describe("the real adapter loads no simulator code", () => {
  // execa is imported lazily by the adapter's first command, so it is not a static import
  it("the root entry statically reaches only its own modules, node:, errors and saxes", () => {
    const { local, external } = loadedModules("./index.ts");
    expect([...local].filter((f) => /sim|fake|testing/.test(f))).toEqual([]);
    expect([...external].filter((s) => !s.startsWith("node:")).sort()).toEqual([
      "@zmgr/errors",
      "saxes",
    ]);
  });

  it("the strict fake is reached only through ./testing", () => {
    expect(loadedModules("./testing.ts").local).toContain("./fake-executor.ts");
  });
});
