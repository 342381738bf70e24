// Shared vitest settings. No imports here: each package's vitest config wraps this in
// `defineConfig`, so the file needs nothing installed at the root.
//
// vitest 4 runs node tests through Vite's SSR module runner, which ignores `resolve.conditions`;
// the `@zmgr/source` condition must be in `ssr.resolve.conditions`, or workspace imports silently
// resolve to an old `dist`. `src/source-resolution.test.ts` in apps/cli guards this.
export function sharedVitestConfig(kind: "unit" | "e2e" = "unit") {
  const conditions = ["@zmgr/source", "module", "node", "import", "default"];
  return {
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ["@zmgr/source"] } },
    test: {
      include: kind === "e2e" ? ["e2e/**/*.test.ts"] : ["src/**/*.test.ts", "test/**/*.test.ts"],
      reporters: ["default", "json"],
      outputFile: { json: kind === "e2e" ? "reports/vitest-e2e.json" : "reports/vitest.json" },
      // Guards against hangs, not speed limits. On a 2-core machine at a load average of 45 one
      // `zmgr create` took over 60 s (e2e), and in-process create tests 8-24 s (unit).
      testTimeout: kind === "e2e" ? 300_000 : 60_000,
      hookTimeout: kind === "e2e" ? 300_000 : 60_000,
    },
  };
}
