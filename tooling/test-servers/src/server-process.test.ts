import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ServerProcess } from "./server-process.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "zmgr-proc-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Waits until the child has written `ready` to its log: it has installed its signal handler. */
async function readyIn(log: string): Promise<void> {
  for (;;) {
    try {
      if (readFileSync(log, "utf8").includes("ready")) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
}

const STUBBORN =
  "process.on('SIGTERM', () => console.log('ignored SIGTERM')); console.log('ready'); setInterval(() => {}, 1000);";

it("falls back to SIGKILL when SIGTERM is ignored past the bound", async () => {
  const log = join(dir, "log");
  const child = ServerProcess.spawn(process.execPath, ["-e", STUBBORN], log);
  await readyIn(log);
  await child.stop(300);
  expect(child.running).toBe(false);
  expect(() => process.kill(child.pid, 0)).toThrow();
  expect(readFileSync(log, "utf8")).toContain("ignored SIGTERM");
});

it("stops a process that honours SIGTERM without killing it", async () => {
  const log = join(dir, "log");
  const polite =
    "process.on('SIGTERM', () => { console.log('bye'); process.exit(0); }); console.log('ready'); setInterval(() => {}, 1000);";
  const child = ServerProcess.spawn(process.execPath, ["-e", polite], log);
  await readyIn(log);
  await child.stop(10_000);
  expect(child.running).toBe(false);
  expect(readFileSync(log, "utf8")).toContain("bye");
});
