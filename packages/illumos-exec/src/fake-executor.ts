import { formatArgv } from "./errors.js";
import type { Command, ExecResult, Executor, TerminalIo } from "./types.js";

/** One expected argv element: exact text, or a pattern (for generated names such as temp files). */
export type ArgMatcher = string | RegExp;
export type FakeOutput =
  | Partial<ExecResult>
  | ((
      command: Command,
      signal?: AbortSignal,
    ) => Partial<ExecResult> | Promise<Partial<ExecResult>>);

interface Expectation {
  argv: ArgMatcher[];
  out: FakeOutput | undefined;
  /** expected through `interactive`, not `run` */
  interactive?: boolean;
}

function show(argv: readonly ArgMatcher[]): string {
  return argv.map((a) => (typeof a === "string" ? formatArgv([a]) : String(a))).join(" ");
}

function matches(expected: readonly ArgMatcher[], actual: readonly string[]): boolean {
  return (
    expected.length === actual.length &&
    expected.every((e, i) => (typeof e === "string" ? e === actual[i] : e.test(actual[i] ?? "")))
  );
}

/**
 * A strict scripted Executor for tests: commands must arrive in the expected order with the exact
 * argv (`[file, ...args]`). Anything else throws, naming expected and actual; the first mismatch
 * is kept so that assertDone() reports it even if the code under test swallowed the throw.
 */
export class FakeExecutor implements Executor {
  readonly calls: Command[] = [];
  private readonly queue: Expectation[] = [];
  private mismatch: Error | undefined;

  expect(argv: ArgMatcher[], out?: FakeOutput): this {
    this.queue.push({ argv, out });
    return this;
  }

  /** An interactive command (zlogin): its output is written to the io, its exit code returned. */
  expectInteractive(argv: ArgMatcher[], out?: FakeOutput): this {
    this.queue.push({ argv, out, interactive: true });
    return this;
  }

  async run(command: Command, options: { signal?: AbortSignal } = {}): Promise<ExecResult> {
    return this.answer(command, false, options.signal);
  }

  async interactive(command: Command, io: TerminalIo): Promise<number> {
    const r = await this.answer(command, true);
    io.stdout.write(r.stdout);
    io.stderr.write(r.stderr);
    return r.exitCode;
  }

  private async answer(
    command: Command,
    interactive: boolean,
    signal?: AbortSignal,
  ): Promise<ExecResult> {
    const actual = [command.file, ...command.args];
    this.calls.push(command);
    const next = this.queue[0];
    const mode = (i: boolean | undefined) => (i ? " (interactive)" : "");
    if (
      next === undefined ||
      !matches(next.argv, actual) ||
      (next.interactive ?? false) !== interactive
    ) {
      const error = new Error(
        next === undefined
          ? `FakeExecutor: unexpected command \`${formatArgv(actual)}\`${mode(interactive)}: no more commands were expected`
          : `FakeExecutor: unexpected command\n  expected: ${show(next.argv)}${mode(next.interactive)}\n  actual:   ${formatArgv(actual)}${mode(interactive)}`,
      );
      this.mismatch ??= error;
      throw error;
    }
    this.queue.shift();
    const out = typeof next.out === "function" ? await next.out(command, signal) : next.out;
    const result = {
      exitCode: out?.exitCode ?? 0,
      stdout: out?.stdout ?? "",
      stderr: out?.stderr ?? "",
    };
    if (command.encoding !== "buffer") return result;
    // A binary command gets bytes, as the execa adapter gives them: `stdoutBytes`, or `stdout` encoded.
    return {
      ...result,
      stdout: "",
      stdoutBytes: out?.stdoutBytes ?? new Uint8Array(Buffer.from(result.stdout, "utf8")),
    };
  }

  /** Throws when a command did not match, or when expected commands were never run. */
  assertDone(): void {
    if (this.mismatch) throw this.mismatch;
    if (this.queue.length > 0) {
      const rest = this.queue.map((e) => `  ${show(e.argv)}`).join("\n");
      throw new Error(`FakeExecutor: ${this.queue.length} expected command(s) never ran:\n${rest}`);
    }
  }
}
