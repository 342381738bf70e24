#!/usr/bin/env node
// Whole-system benchmarks of zmgr, run against the BUILT packages (turbo builds them first).
// Prints a table and writes the same figures as JSON to tooling/bench/latest.json.
// Ratios are measured in the same run, so the machine's speed cancels out.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeRegistry } from "./fixtures.mjs";
import { benchSshOverhead } from "./ssh-overhead.mjs";
import { benchStartup } from "./startup.mjs";
import { benchStatusScale } from "./status-scale.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const zmgrBin = join(here, "../../apps/cli/dist/zmgr.js");
const quick = process.argv.includes("--quick");
/** `--lock-only`: only the lock hold benchmark (section 5). */
const lockOnly = process.argv.includes("--lock-only");
/** `--ssh-only`: only the ssh per-command overhead benchmark (section 7). */
const sshOnly = process.argv.includes("--ssh-only");

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Nearest-rank percentile (with fewer than 100 samples, p99 is the largest). */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function timeSpawn(args, runs, env = process.env) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env, encoding: "utf8" });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

async function timeAsync(fn, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

const results = [];
function record(name, ms, extra = {}) {
  results.push({ name, ms: ms === null ? null : Math.round(ms * 100) / 100, ...extra });
}

if (sshOnly) {
  await benchSshOverhead(record, { runs: quick ? 11 : 41, timeAsync });
  for (const r of results)
    console.log(
      `${r.name}  ${r.ms.toFixed(2)} ms  ${r.ratio ? `${r.ratio}×` : ""}  ${r.goal ?? ""}`,
    );
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), "zmgr-bench-"));
try {
  // 1. Startup: --version, --help, list on 100 zones against `node -e ''`; module files opened.
  if (!lockOnly) benchStartup(record, { zmgrBin, work, runs: quick ? 5 : 21, timeSpawn });

  // 2. Load + validate 10,000 zones, in-process through the built packages.
  if (!lockOnly) {
    const { Registry } = await import("@zmgr/registry");
    const { validateSnapshot } = await import("@zmgr/validate");
    const root = join(work, "r10k");
    makeRegistry(root, 10_000);
    const registry = Registry.open(root);
    const load = await timeAsync(() => registry.load(), quick ? 2 : 5);
    const snapshot = await registry.load();
    const both = await timeAsync(
      async () => validateSnapshot(await registry.load()),
      quick ? 2 : 5,
    );
    const errors = validateSnapshot(snapshot).filter((d) => d.severity === "error");
    if (errors.length > 0) throw new Error(`bench registry is not clean: ${errors[0].message}`);
    record("load 10,000 zones", load, { goal: "< 1000 ms" });
    record("load + validate 10,000 zones", both, { goal: "< 1000 ms" });
  }

  // 3. create --dry-run with 60,000 zones in a /16, against merely reading those files.
  if (!lockOnly) {
    const root = join(work, "r60k");
    makeRegistry(root, 60_000);
    const readAll = join(here, "read-all.mjs");
    const runs = quick ? 1 : 3;
    const read = timeSpawn([readAll, join(root, "zones")], runs);
    const env = { ...process.env, ZMGR_SIM_STATE: join(work, "sim.json") };
    const dry = timeSpawn(
      [zmgrBin, "--simulate", "--registry", root, "create", "fresh1", "--dry-run", "--json"],
      runs,
      env,
    );
    record("read 60,000 zone files", read);
    record("create --dry-run, 60,000 zones", dry, {
      ratio: +(dry / read).toFixed(2),
      goal: "≤ 3× reading the files",
    });
  }

  // 4. Allocation in large pools (@zmgr/ipam, built).
  if (!lockOnly) {
    const { IpPool } = await import("@zmgr/ipam");
    const v4 = IpPool.from({
      name: "b",
      network: "10.0.0.0/16",
      range: { start: "10.0.0.1", end: "10.0.255.254" },
    });
    const used = [];
    for (let i = 0; i < 60_000; i++) used.push(`10.0.${(i + 1) >> 8}.${(i + 1) & 255}`);
    record("allocate, /16 with 60,000 used", await timeAsync(() => v4.allocate(used), 5), {
      goal: "< 20 ms",
    });
    const slash8 = IpPool.from({
      name: "c",
      network: "10.0.0.0/8",
      range: { start: "10.0.0.1", end: "10.255.255.254" },
    });
    record("allocate, /8 empty", await timeAsync(() => slash8.allocate([]), 5));
    const v6 = IpPool.from({
      name: "d",
      network: "2001:db8::/64",
      range: { start: "2001:db8::1", end: "2001:db8::ffff:ffff:ffff:ffff" },
    });
    record("allocate, IPv6 /64", await timeAsync(() => v6.allocate(["2001:db8::1"]), 5));
  }

  // 5. Lock hold time of create (load, pre-flight, allocate, write the reservation: SPEC §3.5),
  //    reported by the built CLI with -v (`lock held <ms> ms`, the first is the reservation's), at
  //    100 and 10,000 zones.
  for (const count of [100, 10_000]) {
    const root = join(work, `lock${count}`);
    makeRegistry(root, count);
    const env = {
      ...process.env,
      ZMGR_SIM_STATE: join(work, `lock${count}.sim.json`),
    };
    const runs = quick ? 5 : count > 1000 ? 30 : 100;
    const held = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(
        process.execPath,
        [zmgrBin, "--simulate", "-v", "--registry", root, "create", `bench${i}`],
        { env, encoding: "utf8" },
      );
      if (r.status !== 0) throw new Error(`create bench${i} exited ${r.status}: ${r.stderr}`);
      const line = r.stderr.split("\n").find((l) => /^lock held \d+ ms$/.test(l));
      if (!line) throw new Error(`create bench${i} reported no lock hold time: ${r.stderr}`);
      held.push(Number(line.split(" ")[2]));
    }
    const label = count.toLocaleString("en-US");
    record(`create lock hold, ${label} zones (median of ${runs})`, median(held));
    record(`create lock hold, ${label} zones (p99 of ${runs})`, percentile(held, 0.99));
  }
  // 6. `status` at 1,000 and 10,000 zones, every host command slowed to 20 ms (issue 18).
  if (!lockOnly) await benchStatusScale(record, quick ? { counts: [1_000] } : {});
  // 7. Per-command overhead of the ssh executor, shared vs fresh connection (issue 14).
  if (!lockOnly) await benchSshOverhead(record, { runs: quick ? 11 : 41, timeAsync });
} finally {
  rmSync(work, { recursive: true, force: true });
}

const width = Math.max(...results.map((r) => r.name.length));
console.log(`${"benchmark".padEnd(width)}  ${"median ms".padStart(10)}  ratio      count  goal`);
for (const r of results) {
  console.log(
    `${r.name.padEnd(width)}  ${(r.ms === null ? "" : r.ms.toFixed(2)).padStart(10)}  ${(r.ratio === undefined ? "" : `${r.ratio}×`).padEnd(6)}  ${String(r.commands ?? r.files ?? "").padStart(8)}  ${r.goal ?? ""}`,
  );
}
const json = { date: new Date().toISOString(), node: process.version, results };
if (!lockOnly) writeFileSync(join(here, "latest.json"), `${JSON.stringify(json, null, 2)}\n`);
console.log(JSON.stringify(json));
