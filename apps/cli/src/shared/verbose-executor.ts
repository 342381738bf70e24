import {
  type Command,
  type ExecResult,
  type Executor,
  formatArgv,
  shellQuote,
  type TerminalIo,
} from "@zmgr/illumos-exec";

/** `-v`: echo each system command, its exit code and output on stderr. */
export function verboseExecutor(inner: Executor, write: (s: string) => void): Executor {
  return {
    async run(cmd: Command, opts?: { signal?: AbortSignal }): Promise<ExecResult> {
      write(`$ ${formatArgv([cmd.file, ...cmd.args])}\n`);
      if (cmd.stdin !== undefined) write(indent(cmd.stdin, "< "));
      const result = await inner.run(cmd, opts);
      if (result.stdout !== "") write(indent(result.stdout, "  "));
      if (result.stdoutBytes) write(`  (${result.stdoutBytes.length} bytes of binary output)\n`);
      if (result.stderr !== "") write(indent(result.stderr, "! "));
      if (result.exitCode !== 0) write(`  (exit ${result.exitCode})\n`);
      return result;
    },
    ...(inner.interactive
      ? {
          interactive: (cmd: Command, io: TerminalIo) => {
            write(`$ ${formatArgv([cmd.file, ...cmd.args])}  (interactive)\n`);
            return (inner.interactive as NonNullable<Executor["interactive"]>)(cmd, io);
          },
        }
      : {}),
  };
}

function indent(text: string, prefix: string): string {
  return `${text
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => prefix + l)
    .join("\n")}\n`;
}

/** A shell-readable command line (single quotes where needed): illumos-exec's one `formatArgv`. */
export { formatArgv, shellQuote };
