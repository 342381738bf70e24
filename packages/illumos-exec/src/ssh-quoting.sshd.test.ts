import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import { requireServer, type Sshd, startSshd } from "@zmgr/test-servers";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { SshExecutor } from "./ssh-executor.js";
import { argvScript, executorFor, expectedArgvOutput } from "./ssh-test-hosts.js";

const sshd = requireServer("sshd");

const hostile = fc.constantFrom(
  "'",
  '"',
  "$",
  "`",
  "\\",
  " ",
  "\t",
  "\n",
  "\r",
  "*",
  "?",
  "[",
  "~",
  "#",
  "!",
  "&",
  ";",
  "|",
  "(",
  "<",
  ">",
  "{",
  "-",
  "--",
  "-oProxyCommand=x",
  "$(id)",
  "`id`",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal sh parameter expansion
  "${HOME}",
  "$((1+1))",
  "'\\''",
  "é",
  "日本",
  "😀",
  "\u0001",
  "\u007f",
);
const arg = fc
  .oneof(
    fc.constant(""),
    fc.string({ unit: hostile, maxLength: 10 }),
    fc.string({ unit: "grapheme", maxLength: 10 }),
    fc.string({ unit: "binary", maxLength: 10 }),
  )
  // no NUL (an argv cannot hold one) and no lone surrogate (not encodable as UTF-8)
  .filter((s) => !s.includes("\0") && !/[\uD800-\uDFFF]/u.test(s));
const argvs = fc.array(arg, { maxLength: 8 });
// Each run starts a Node process on the "host" (0.1-1 s on this shared 2-core machine): 100 per shell by
// default, more with ZMGR_SSH_QUOTING_RUNS. posix-quote.test.ts runs 150 through a local /bin/sh.
const RUNS = Number(process.env.ZMGR_SSH_QUOTING_RUNS ?? 100);

for (const shell of ["/bin/dash", "/bin/bash"]) {
  sshd.describe(`ssh executor quoting, remote login shell ${shell}`, () => {
    let server: Sshd;
    let ssh: SshExecutor;
    let script: string;
    beforeAll(async () => {
      server = await startSshd({ loginShell: shell });
      ssh = executorFor(server);
      script = await argvScript();
    }, 60_000);
    afterAll(async () => {
      await ssh?.close();
      await server?.close();
      if (script) await rm(dirname(script), { recursive: true, force: true });
    });

    it("delivers the hand-picked hard cases byte for byte", async () => {
      const args = [
        "",
        "a b",
        "'",
        "$(touch /tmp/zmgr-pwned)",
        "`id`",
        "x\ny",
        ";",
        "*",
        "-n",
        "é😀",
      ];
      const result = await ssh.run({ file: process.execPath, args: [script, ...args] });
      expect(result.stderr).toBe("");
      expect(result.stdout).toBe(expectedArgvOutput(args));
    });

    it("delivers random argument vectors byte for byte (property, seed printed)", async () => {
      const seed = Number(process.env.ZMGR_FC_SEED ?? Date.now() % 2 ** 31);
      try {
        await fc.assert(
          fc.asyncProperty(argvs, async (args) => {
            const result = await ssh.run({ file: process.execPath, args: [script, ...args] });
            expect(result.exitCode, result.stderr).toBe(0);
            expect(result.stdout).toBe(expectedArgvOutput(args));
          }),
          { numRuns: RUNS, seed },
        );
      } catch (error) {
        console.error(
          `ssh quoting property failed through ${shell}; replay with ZMGR_FC_SEED=${seed}`,
        );
        throw error;
      }
    }, 300_000);
  });
}
