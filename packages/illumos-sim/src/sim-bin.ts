// The `zmgr-sim` executable: behaves as zoneadm, zonecfg, dladm, pkg, zlogin or tar according to
// the name it is called by (symlinks), on the simulator state file named by ZMGR_SIM_STATE.
import { simInteractiveMain, simMain, simProgram } from "./sim-main.js";

/** Only `zonecfg -f -` reads stdin; anything else must not wait on a pipe nobody closes. */
async function readStdin(args: string[]): Promise<string> {
  if (process.stdin.isTTY || !args.includes("-")) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Runs `zmgr-sim` on this process's argv, stdio and environment, and exits with the simulated
 * command's status once its output is flushed. The body of the `zmgr-sim` bin (here and in
 * @zmgr/cli, which ships the same bin for a global install).
 */
export async function runZmgrSim(): Promise<void> {
  const args = process.argv.slice(2);
  const argv0 = process.argv[1] ?? "zmgr-sim";
  const { name, rest } = simProgram(argv0, args);
  if (name === "zlogin") {
    // zlogin streams: a console or login shell reads the terminal until `~.`.
    const code = await simInteractiveMain(rest, process.env, {
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      isTTY: process.stdin.isTTY === true && process.stdout.isTTY === true,
    });
    process.stderr.write("", () => process.exit(code));
  } else {
    const result = await simMain(argv0, args, process.env, { stdin: await readStdin(args) });
    // Exit only once stdout is flushed: a pipe takes a large tar stream in several writes.
    process.stdout.write(result.stdoutBytes ?? result.stdout, () => {
      process.stderr.write(result.stderr, () => process.exit(result.exitCode));
    });
  }
}
