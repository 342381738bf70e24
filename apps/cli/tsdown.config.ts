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
  minify: true,
  clean: true,
  // Workspace packages are bundled from their sources (the `@zmgr/source` export condition), module by
  // module, so a command's chunks hold only the modules it reaches: the simulator, loaded with
  // `await import()` under --simulate only, stays out of `zmgr list` on a real host.
  inputOptions: { resolve: { conditionNames: ["@zmgr/source", "node", "import", "default"] } },
  // The simulator's modules in a chunk of their own, which only `--simulate` and `zmgr-sim` load.
  outputOptions: {
    advancedChunks: {
      includeDependenciesRecursively: false,
      groups: [{ name: "simulator", test: /illumos-(exec[\\/]src[\\/]sim-|sim[\\/]src[\\/])/ }],
    },
  },
  // The published bins carry their dependencies inlined (workspace packages, execa, commander, the
  // KDL parser …) in a few chunks: `zmgr list` opens 20 module files instead of 208 (106 of them
  // execa's). Only node builtins stay imports; index.d.ts inlines the types it names too.
  deps: { alwaysBundle: (id) => !id.startsWith("node:"), onlyBundle: false },
  // `zmgr --version` answers from the tiny entry without reading package.json.
  define: { __ZMGR_VERSION__: JSON.stringify(version) },
});
