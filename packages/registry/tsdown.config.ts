import { defineConfig } from "tsdown";

export default defineConfig({
  entry: { index: "src/index.ts", lock: "src/lock-entry.ts", "etcd/index": "src/etcd/index.ts" },
  format: "esm",
  platform: "node",
  target: "node20",
  dts: true,
  fixedExtension: false,
  sourcemap: true,
  clean: true,
});
