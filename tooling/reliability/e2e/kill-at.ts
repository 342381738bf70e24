// `kill -9` of a zmgr at a chosen point of its run, found by events (the host commands it has
// started, read from its own argv log), not by guessing how long a run takes on a loaded machine.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type ExitResult, signal, sleep, until, type World, waitGroupGone } from "./helpers.js";

/** Host commands started so far, by the argv log of a `record: true` world's shims. */
export async function commandsStarted(log: string): Promise<number> {
  if (!existsSync(log)) return 0;
  return (await readFile(log, "utf8")).split("\n").length - 1;
}

/** Runs `zmgr ...args` to the end with its own argv log; returns its exit and how many host commands it ran. */
export async function runCounted(
  w: World,
  tag: string,
  ...args: string[]
): Promise<{ exit: ExitResult; commands: number }> {
  const log = join(w.dir, `argv-${tag}.log`);
  const exit = await w.startWith({ ZMGR_ARGV_LOG: log }, ...args).done;
  return { exit, commands: await commandsStarted(log) };
}

export interface KillPoint {
  /** Kill once this many host commands have started (0: right at the start). */
  afterCommands: number;
  /** Then this much later, so the kill also lands between commands (registry writes). */
  thenMs: number;
}

/**
 * Starts `zmgr ...args` (needs a `record: true` world), kills zmgr alone with SIGKILL at `point`
 * (its running host command goes on, as on a host), and waits until every process of its group
 * is gone. Resolves whether the kill landed; a run that ended first is returned as it ended.
 */
export async function killAt(
  w: World,
  tag: string,
  point: KillPoint,
  ...args: string[]
): Promise<{ killed: boolean; exit: ExitResult }> {
  const log = join(w.dir, `argv-${tag}.log`);
  const p = w.startWith({ ZMGR_ARGV_LOG: log }, ...args);
  const ended = () => p.child.exitCode !== null || p.child.signalCode !== null;
  await until(async () => ended() || (await commandsStarted(log)) >= point.afterCommands, 5);
  if (point.thenMs > 0) await sleep(point.thenMs); // picks the moment; nothing waits on it
  signal(p, "SIGKILL");
  const exit = await p.done;
  await waitGroupGone(p.pid); // orphaned simulator commands finish before anything is checked
  return { killed: exit.signal === "SIGKILL", exit };
}
