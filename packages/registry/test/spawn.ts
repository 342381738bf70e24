import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface Worker {
  child: ChildProcess;
  done: Promise<{ code: number | null; stderr: string }>;
  /** The next line the worker prints on stdout (rejects if it exits first). */
  line(): Promise<string>;
  send(line: string): void;
}

/** Runs the bundled worker script as a real `node` process. */
export function runWorker(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Worker {
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stderr })),
  );
  const queued: string[] = [];
  const waiting: { resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  let exited = false;
  createInterface({ input: child.stdout! }).on("line", (l) => {
    const w = waiting.shift();
    if (w) w.resolve(l);
    else queued.push(l);
  });
  void done.then(({ code }) => {
    exited = true;
    for (const w of waiting.splice(0)) w.reject(new Error(`worker exited (${code}): ${stderr}`));
  });
  return {
    child,
    done,
    line: () => {
      const l = queued.shift();
      if (l !== undefined) return Promise.resolve(l);
      if (exited) return Promise.reject(new Error(`worker exited: ${stderr}`));
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    send: (l) => {
      child.stdin?.write(`${l}\n`);
    },
  };
}
