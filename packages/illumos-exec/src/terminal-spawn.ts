import type { TerminalIo } from "./types.js";

/**
 * Runs `file args` with a terminal passed through (zlogin, ssh -t): the process's own streams are
 * inherited, untouched; other streams (tests) are piped. Never a shell. Returns execa's result
 * (`reject: false`): the caller decides what a missing exit code means.
 */
export async function spawnWithTerminal(
  file: string,
  args: readonly string[],
  io: TerminalIo,
  env?: Record<string, string>,
) {
  const { execa } = await import("execa");
  const own =
    io.stdin === process.stdin && io.stdout === process.stdout && io.stderr === process.stderr;
  const sub = execa(file, args, {
    shell: false,
    reject: false,
    extendEnv: true,
    ...(env ? { env } : {}),
    stdio: own ? "inherit" : "pipe",
  });
  if (!own) {
    if (sub.stdin) io.stdin.pipe(sub.stdin);
    sub.stdout?.pipe(io.stdout, { end: false });
    sub.stderr?.pipe(io.stderr, { end: false });
  }
  const result = await sub;
  if (!own && sub.stdin) io.stdin.unpipe(sub.stdin);
  return result;
}
