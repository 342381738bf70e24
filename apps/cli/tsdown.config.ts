import { readFileSync } from "node:fs";
import { defineConfig } from "tsdown";

const { version } = JSON.parse(
  readFileSync(new URL("./package.json", import.meta.url), "utf8"),
) as {
  version: string;
};

export default defineConfig({
  entry: ["src/index.ts", "src/zmgr.ts", "src/zmgr-sim.ts"],
  format: "esm",
  platform: "node",
  target: "node20",
  dts: true,
  fixedExtension: false,
  sourcemap: true,
  clean: true,
  // `zmgr --version` answers from the tiny entry without reading package.json.
  define: { __ZMGR_VERSION__: JSON.stringify(version) },
});
