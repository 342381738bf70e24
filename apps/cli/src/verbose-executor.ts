import type { Command, ExecResult, Executor } from "@zmgr/illumos-exec";

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
  };
}

function indent(text: string, prefix: string): string {
  return `${text
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => prefix + l)
    .join("\n")}\n`;
}

/** A shell-readable command line (single quotes where needed), for echo and cleanup hints. */
export function formatArgv(argv: readonly string[]): string {
  return argv.map(shellQuote).join(" ");
}

export function shellQuote(s: string): string {
  if (s !== "" && /^[A-Za-z0-9_./:=,@%+-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
