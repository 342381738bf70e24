#!/usr/bin/env node
import { homedir } from "node:os";
import { main } from "./main.js";

try {
  const code = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    home: homedir(),
    isTTY: process.stdout.isTTY === true,
    // A second Ctrl-C finds no handler and ends the process at once.
    onInterrupt: (handler) => {
      process.once("SIGINT", handler);
      return () => process.off("SIGINT", handler);
    },
  });
  process.exit(code);
} catch (error) {
  process.stderr.write(
    `zmgr-import: unexpected error\n${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
}
