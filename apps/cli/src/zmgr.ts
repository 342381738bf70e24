#!/usr/bin/env node
// The `zmgr` bin. Kept tiny: `--version` is answered before anything else loads, and the
// program (commander + command registrations) is imported only when needed.
import { readFileSync } from "node:fs";

declare const __ZMGR_VERSION__: string | undefined;

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  const version =
    typeof __ZMGR_VERSION__ === "string"
      ? __ZMGR_VERSION__
      : (
          JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
            version: string;
          }
        ).version;
  process.stdout.write(`${version}\n`);
} else {
  const { processDeps } = await import("./process-deps.js");
  const { runCli } = await import("./run.js");
  const code = await runCli(args, processDeps());
  // Flush stdout before leaving (pipes are asynchronous).
  process.stdout.write("", () => process.exit(code));
}
