// Startup of the built `zmgr` against a bare `node -e ''` (issue 15): `--version`, `--help`, and
// `zmgr list` on 100 zones whose host commands answer at once (a `zoneadm` on PATH that prints a
// prepared `zoneadm list -cp`; list runs no other host command), plus the number of module files
// that `zmgr list` opens (strace, when installed).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeRegistry } from "./fixtures.mjs";

const LIST_ZONES = 100;

/** A registry of `count` zones and a bin dir whose `zoneadm` prints them all as installed. */
export function listFixture(work, count = LIST_ZONES) {
  const root = join(work, "list-registry");
  makeRegistry(root, count);
  const bin = join(work, "instant-bin");
  mkdirSync(bin, { recursive: true });
  let out = "0:global:running:/::ipkg:shared\n";
  for (let i = 0; i < count; i++) out += `-:z${i}:installed:/zones/z${i}:uuid-${i}:ipkg:excl\n`;
  writeFileSync(join(bin, "zoneadm.out"), out);
  // No local shell runs in zmgr; this stand-in for zoneadm is a script only to answer at once.
  writeFileSync(join(bin, "zoneadm"), `#!/bin/sh\nexec cat '${join(bin, "zoneadm.out")}'\n`, {
    mode: 0o755,
  });
  return { root, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } };
}

/**
 * Module files (.js/.mjs/.cjs/.json/.node) a command opens, counted by strace (openat that
 * succeeded, each path once). Undefined when strace is not installed.
 */
export function moduleFilesOpened(args, env, traceFile) {
  const r = spawnSync(
    "strace",
    ["-f", "-qq", "-e", "trace=openat", "-o", traceFile, process.execPath, ...args],
    { env, encoding: "utf8" },
  );
  if (r.error) return undefined;
  if (r.status !== 0) throw new Error(`strace ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  const paths = new Set();
  for (const line of readFileSync(traceFile, "utf8").split("\n")) {
    if (/= -1 /.test(line)) continue;
    const m = /openat\([^"]*"([^"]+\.(?:js|mjs|cjs|json|node))"/.exec(line);
    if (m) paths.add(m[1]);
  }
  return paths.size;
}

export function benchStartup(record, { zmgrBin, work, runs, timeSpawn }) {
  const { root, env } = listFixture(work);
  const listArgs = [zmgrBin, "--registry", root, "list"];
  const bare = timeSpawn(["-e", ""], runs, env);
  const version = timeSpawn([zmgrBin, "--version"], runs, env);
  const help = timeSpawn([zmgrBin, "--help"], runs, env);
  const list = timeSpawn(listArgs, runs, env);
  const ratio = (ms) => +(ms / bare).toFixed(2);
  record("node -e ''", bare);
  record("zmgr --version", version, { ratio: ratio(version), goal: "≤ 1.3× node -e ''" });
  record("zmgr --help", help, { ratio: ratio(help), goal: "≤ 1.3× node -e ''" });
  record(`zmgr list, ${LIST_ZONES} zones, instant host commands`, list, {
    ratio: ratio(list),
    goal: "≤ 1.5× node -e ''",
  });
  const files = moduleFilesOpened(listArgs, env, join(work, "list.strace"));
  if (files === undefined) console.error("strace not installed: module files opened not counted");
  else record("module files opened by zmgr list", null, { files, goal: "report (was 208)" });
}
