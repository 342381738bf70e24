import { defineConfig } from "vitest/config";
import { sharedVitestConfig } from "../../vitest.shared.ts";

const shared = sharedVitestConfig("e2e");

// The suites mostly wait on child processes: two files at once keep both cores of a small CI
// machine busy (each test still runs its own processes in order).
export default defineConfig({ ...shared, test: { ...shared.test, maxWorkers: 2 } });
