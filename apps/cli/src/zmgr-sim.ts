#!/usr/bin/env node
// The `zmgr-sim` bin: behaves as zoneadm, zonecfg, dladm, pkg or tar according to the name it is
// called by (symlinks), on the simulator state file named by ZMGR_SIM_STATE (SPEC §4).
import { simMain } from "@zmgr/illumos-exec";

/** Only `zonecfg -f -` reads stdin; anything else must not wait on a pipe nobody closes. */
async function readStdin(args: string[]): Promise<string> {
  if (process.stdin.isTTY || !args.includes("-")) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const args = process.argv.slice(2);
const result = await simMain(process.argv[1] ?? "zmgr-sim", args, process.env, {
  stdin: await readStdin(args),
});
// Exit only once stdout is flushed: a pipe takes a large tar stream in several writes.
process.stdout.write(result.stdoutBytes ?? result.stdout, () => {
  process.stderr.write(result.stderr, () => process.exit(result.exitCode));
});
