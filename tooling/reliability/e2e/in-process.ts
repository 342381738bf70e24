// The real program (`runCli`) in-process: an in-process simulated host, a temp registry, output
// captured. For the bulk of the hostile-input runs, where a process per run would be too slow.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CliDeps, runCli } from "@zmgr/cli";
import { createSimExecutor, SimHost } from "@zmgr/illumos-sim";
import { inject } from "vitest";
import { hostStateOf, type RunResult } from "./helpers.js";

export interface InProcess {
  root: string;
  host: SimHost;
  cli(args: string[]): Promise<RunResult>;
  hostState(): string;
  cleanup(): Promise<void>;
}

export async function inProcess(opts: { init?: boolean } = {}): Promise<InProcess> {
  // Called from beforeAll (no current test): the file's afterAll calls cleanup().
  const root = await mkdtemp(join(inject("reliabilityRoot") ?? tmpdir(), "inproc-"));
  const host = SimHost.fresh();
  let out: string[] = [];
  let err: string[] = [];
  const deps: CliDeps = {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    isTTY: false,
    stdinIsTTY: false,
    env: {},
    home: "/nonexistent-home",
    hostname: "simhost",
    pid: 4242,
    now: () => new Date("2026-03-22T10:00:00.000Z"),
    isAlive: (pid) => pid === 4242,
    onInterrupt: () => () => {},
    createExecutor: () => createSimExecutor(host),
  };
  const ip: InProcess = {
    root,
    host,
    async cli(args) {
      out = [];
      err = [];
      const code = await runCli(["--registry", root, ...args], deps);
      return { code, stdout: out.join(""), stderr: err.join("") };
    },
    hostState: () => hostStateOf(host.toJSON()),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
  if (opts.init !== false) {
    const r = await ip.cli(["init"]);
    if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
  }
  return ip;
}

/** A KDL v2 string literal for any well-formed string (disallowed code points escaped). */
export function kdlString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (
      cp < 0x20 ||
      (cp >= 0x7f && cp <= 0x9f) ||
      cp === 0x200e ||
      cp === 0x200f ||
      (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2066 && cp <= 0x2069) ||
      cp === 0xfeff ||
      (cp >= 0x2028 && cp <= 0x2029) ||
      cp === 0x85
    )
      out += `\\u{${cp.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}
