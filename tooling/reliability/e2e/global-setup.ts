// One private temp root per run of the suite: every world and in-process registry lives inside it.
// Nothing outside this run shares its prefix (another checkout's run, another package's e2e, a
// cleanup of leftover `/tmp/zmgr-*` dirs), so only this run's own cleanups can remove a world.
import { mkdtemp, readdir, rmdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    reliabilityRoot: string;
  }
}

export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), "zmgr-reliability-run-"));
  project.provide("reliabilityRoot", root);
  return async () => {
    // Worlds of passing tests are already gone; what is left belongs to a failure: keep it.
    const kept = await readdir(root).catch(() => []);
    if (kept.length === 0) await rmdir(root).catch(() => {});
    else console.info(`reliability: kept ${kept.length} world(s) of failed tests in ${root}`);
  };
}
