import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsdown";

/**
 * Bundles test/worker.ts (this package and @zmgr/kdl-schema from SOURCE, plus their npm
 * dependencies) into one ESM file in `outDir`, so tests can run it as real `node` processes
 * without a prior `pnpm build` and without writing into any other package's dist.
 */
export async function bundleWorker(outDir: string): Promise<string> {
  const here = fileURLToPath(new URL(".", import.meta.url));
  await build({
    config: false,
    cwd: join(here, ".."),
    entry: { worker: join(here, "worker.ts") },
    outDir,
    format: "esm",
    platform: "node",
    target: "node20",
    dts: false,
    shims: true,
    sourcemap: false,
    clean: false,
    fixedExtension: true,
    logLevel: "error",
    deps: { alwaysBundle: [/.*/], onlyBundle: false },
    inputOptions: {
      resolve: {
        ...(process.env.ZB_STUB ? { alias: { "@zmgr/kdl-schema": process.env.ZB_STUB } } : {}),
        conditionNames: ["@zmgr/source", "module", "node", "import", "default"],
      },
    },
  });
  return join(outDir, "worker.mjs");
}
