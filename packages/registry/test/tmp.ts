import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

const dirs: string[] = [];
const undo: (() => void)[] = [];

/** Runs `fn` after the test, before the temp directories are removed (e.g. `chattr -i`). */
export function beforeRemoval(fn: () => void): void {
  undo.push(fn);
}

/** A fresh temp directory, removed after the test. */
export async function tempDir(prefix = "zmgr-registry-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const fn of undo.splice(0).reverse()) fn();
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** The pid of a process that existed and has exited: certainly dead, unlike a made-up number. */
export async function deadPid(): Promise<number> {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid as number;
}
