import { homedir, hostname } from "node:os";
import type { CliDeps } from "./deps.js";

/**
 * The real world for the `zmgr` bin. Ctrl-C: the first one goes to the running command (which
 * stops after the current system command and rolls back); a second one exits at once (130).
 */
export function processDeps(): CliDeps {
  const handlers = new Set<() => void>();
  let interrupts = 0;
  process.on("SIGINT", () => {
    interrupts++;
    if (interrupts === 1 && handlers.size > 0) {
      for (const h of handlers) h();
      return;
    }
    process.stderr.write("\ninterrupted: exiting now; `zmgr status` shows what is left\n");
    process.exit(130);
  });
  return {
    stdout: (s) => {
      process.stdout.write(s);
    },
    stderr: (s) => {
      process.stderr.write(s);
    },
    isTTY: process.stdout.isTTY === true,
    // A getter: touching process.stdin builds a stream (≈10 ms), and only prompts need it.
    get stdinIsTTY() {
      return process.stdin.isTTY === true;
    },
    env: process.env,
    home: homedir(),
    hostname: hostname(),
    pid: process.pid,
    now: () => new Date(),
    prompt: async (question) => {
      const { createInterface } = await import("node:readline");
      return new Promise((resolve) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        rl.question(question, (answer) => {
          rl.close();
          resolve(answer);
        });
      });
    },
    onInterrupt: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
}
