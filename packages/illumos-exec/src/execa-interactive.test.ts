import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createExecaExecutor } from "./execa-executor.js";
import { FakeExecutor } from "./fake-executor.js";

function io(input: string) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const seen = { out: "", err: "" };
  stdout.on("data", (b) => {
    seen.out += String(b);
  });
  stderr.on("data", (b) => {
    seen.err += String(b);
  });
  stdin.end(input);
  return { stdin, stdout, stderr, isTTY: false, seen };
}

describe("interactive mode", () => {
  it("execa: streams stdin, stdout and stderr through and returns the exit status", async () => {
    const s = io("from stdin\n");
    const code = await createExecaExecutor().interactive?.(
      { file: "/bin/sh", args: ["-c", 'read l; echo "got $l"; echo oops >&2; exit 5'] },
      s,
    );
    expect(code).toBe(5);
    expect(s.seen).toEqual({ out: "got from stdin\n", err: "oops\n" });
  });

  it("fake: an interactive expectation answers only interactive calls", async () => {
    const fake = new FakeExecutor().expectInteractive(["zlogin", "web", "true"], {
      exitCode: 3,
      stdout: "hi\n",
    });
    await expect(fake.run({ file: "zlogin", args: ["web", "true"] })).rejects.toThrow(
      /\(interactive\)/,
    );
    const strict = new FakeExecutor().expectInteractive(["zlogin", "web", "true"], {
      exitCode: 3,
      stdout: "hi\n",
    });
    const s = io("");
    expect(await strict.interactive({ file: "zlogin", args: ["web", "true"] }, s)).toBe(3);
    expect(s.seen.out).toBe("hi\n");
    strict.assertDone();
  });
});
