import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts", "src/testing.ts"],
  format: "esm",
  platform: "node",
  target: "node20",
  dts: true,
  fixedExtension: false,
  sourcemap: true,
  clean: true,
});
