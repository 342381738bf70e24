import { basename } from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { sharedVitestConfig } from "../../vitest.shared.ts";

const shared = sharedVitestConfig("e2e");

/**
 * The long files first, so the two workers finish together. Without a duration cache (a fresh
 * clone, CI) vitest orders by file size, and the short crash.test.ts, the longest run, could start
 * last and run alone at the end.
 */
const LONGEST_FIRST = [
  "crash.test.ts",
  "concurrency.test.ts",
  "inject.test.ts",
  "crash-destroy.test.ts",
  "fuzz-cli.test.ts",
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(basename(f.moduleId));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

// The suites mostly wait on child processes: two files at once keep both cores of a small CI
// machine busy (each test still runs its own processes in order). The global setup makes this
// run's private temp root (e2e/global-setup.ts).
export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    maxWorkers: 2,
    globalSetup: ["e2e/global-setup.ts"],
    sequence: { sequencer: LongestFirst },
  },
});
