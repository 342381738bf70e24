import { createInterface } from "node:readline";
import type { TerminalIo } from "@zmgr/illumos-exec";
import { runSimSh } from "./sim-sh.js";
import type { ZloginTarget } from "./sim-zlogin.js";

/**
 * A zlogin connection on a terminal: the console (`-C`) or a login shell. Prints zlogin's
 * banners (unless `-Q`), then reads lines: `~.` at the start of a line disconnects (as zlogin's
 * escape does; the simulator sees whole lines, so it needs its newline). On the console, lines are
 * taken and ignored; in a shell each line runs as `runSimSh` runs it, until `exit` or end of input.
 * Resolves to zlogin's exit status.
 */
export async function zloginSession(t: ZloginTarget, io: TerminalIo): Promise<number> {
  const where = t.console ? "console" : "pts/2";
  const say = (s: string) => {
    if (!t.quiet) io.stdout.write(s);
  };
  say(`[Connected to zone '${t.zone}' ${where}]\n`);
  const rl = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let status = 0;
  try {
    for await (const line of rl) {
      if (line.startsWith("~.")) break;
      if (t.console) continue;
      const r = runSimSh(line, t.zone);
      io.stdout.write(r.stdout);
      io.stderr.write(r.stderr);
      status = r.exitCode;
      if (/^\s*exit\b/.test(line)) break;
    }
  } finally {
    rl.close();
  }
  say(`\n[Connection to zone '${t.zone}' ${where} closed]\n`);
  return status;
}
