// `zmgr status` at scale (issue 18): N zones on one simulated host (in-process executor), every
// host command slowed to `delayMs`. Measures the bulk path (zone files in one tar) and the
// fallback path (every zone file unusable: `zonecfg info` per zone, 8 in flight), counting the
// host commands each ran.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@zmgr/cli";
import { createSimExecutor, SimHost } from "@zmgr/illumos-sim";
import { makeRegistry } from "./fixtures.mjs";

/** A host holding the zones makeRegistry(root, count) registers, with their VNICs. */
function hostFor(count, delayMs) {
  const host = SimHost.fresh();
  for (let i = 0; i < count; i++) {
    const n = i + 10;
    const name = `z${i}`;
    host.withLink({ name: `${name}_0`, class: "vnic", over: "oinetint0" }).withZone({
      name,
      brand: "ipkg",
      nets: [
        {
          physical: `${name}_0`,
          allowedAddress: `10.0.${n >> 8}.${n & 255}/16`,
          defrouter: "10.0.0.1",
        },
      ],
    });
  }
  return host.inject({ match: /^/, times: 0, delayMs });
}

/** One `zmgr status --json` in-process; returns wall time, exit code and host commands run. */
async function status(root, host) {
  const sim = createSimExecutor(host);
  const commands = [];
  let out = "";
  const deps = {
    stdout: (s) => {
      out += s;
    },
    stderr: () => {},
    isTTY: false,
    stdinIsTTY: false,
    env: {},
    home: root,
    hostname: "bench",
    pid: process.pid,
    now: () => new Date(),
    isAlive: () => true,
    createExecutor: () => ({
      run: (cmd, o) => {
        commands.push([cmd.file, ...cmd.args].join(" "));
        return sim.run(cmd, o);
      },
    }),
  };
  const start = process.hrtime.bigint();
  const code = await runCli(["--registry", root, "--json", "status"], deps);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const drift = JSON.parse(out).items.length;
  if (code !== 0 || drift !== 0)
    throw new Error(`status found ${drift} difference(s), exit ${code}`);
  return {
    ms,
    commands: commands.length,
    zonecfg: commands.filter((c) => c.startsWith("zonecfg")).length,
  };
}

/** Fast path and fallback for each zone count; `record(name, ms, extra)` per figure. */
export async function benchStatusScale(record, { counts = [1_000, 10_000], delayMs = 20 } = {}) {
  const work = mkdtempSync(join(tmpdir(), "zmgr-bench-status-"));
  try {
    for (const count of counts) {
      const root = join(work, `r${count}`);
      makeRegistry(root, count);
      const host = hostFor(count, delayMs);
      const fast = await status(root, host);
      record(`status, ${count.toLocaleString("en")} zones, ${delayMs} ms/command`, fast.ms, {
        commands: fast.commands,
        goal: count === 10_000 ? "≤ 3000 ms, commands constant" : "commands constant",
      });
      // The fallback: no zone file is usable (zones-dir elsewhere), zonecfg info per zone.
      writeFileSync(join(root, "config.kdl"), 'zonepath-prefix "/zones"\nzones-dir "/nowhere"\n');
      const slow = await status(root, host);
      record(
        `status fallback, ${count.toLocaleString("en")} zones (zonecfg info, 8 in flight)`,
        slow.ms,
        {
          commands: slow.commands,
        },
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
