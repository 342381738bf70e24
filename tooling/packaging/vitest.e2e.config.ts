import { defineConfig } from "vitest/config";
import { sharedVitestConfig } from "../../vitest.shared.ts";

const shared = sharedVitestConfig("e2e");

// One global setup packs every package once and serves the tarballs from a loopback registry.
export default defineConfig({
  ...shared,
  test: { ...shared.test, globalSetup: ["./e2e/global-setup.ts"] },
});
