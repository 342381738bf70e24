import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bench, describe } from "vitest";

// Startup of the built bin against a bare node process (goal: --version and --help ≤ 1.3× `node -e ''`).
const zmgr = fileURLToPath(new URL("../dist/zmgr.js", import.meta.url));
if (!existsSync(zmgr)) throw new Error("run `pnpm build` first: the benchmark spawns dist/zmgr.js");
const node = (args: string[]) => execFileSync(process.execPath, args, { stdio: "ignore" });

describe("startup", () => {
  bench(
    "node -e ''",
    () => {
      node(["-e", ""]);
    },
    { iterations: 20, warmupIterations: 2 },
  );
  bench(
    "zmgr --version",
    () => {
      node([zmgr, "--version"]);
    },
    { iterations: 20, warmupIterations: 2 },
  );
  bench(
    "zmgr --help",
    () => {
      node([zmgr, "--help"]);
    },
    { iterations: 20, warmupIterations: 2 },
  );
});
