import { chmod, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CommandAbortedError, CommandNotFoundError, PermissionDeniedError } from "./errors.js";
import { createExecaExecutor } from "./execa-executor.js";

const node = process.execPath;

describe("createExecaExecutor", () => {
  it("returns stdout, stderr and a non-zero exit code without throwing", async () => {
    const exec = createExecaExecutor();
    const result = await exec.run({
      file: node,
      args: [
        "-e",
        "process.stdout.write('out\\n'); process.stderr.write('err\\n'); process.exit(3)",
      ],
    });
    expect(result).toEqual({ exitCode: 3, stdout: "out\n", stderr: "err\n" });
  });

  it("returns the bytes of a binary stdout untouched with encoding buffer (stderr still text)", async () => {
    const exec = createExecaExecutor();
    const result = await exec.run({
      file: node,
      args: [
        "-e",
        "process.stdout.write(Buffer.from([0, 255, 128, 10, 0xc3])); process.stderr.write('é\\n')",
      ],
      encoding: "buffer",
    });
    expect(result.stdout).toBe("");
    expect([...(result.stdoutBytes ?? [])]).toEqual([0, 255, 128, 10, 0xc3]);
    expect(result.stderr).toBe("é\n");
  });

  it("passes arguments verbatim, never through a shell", async () => {
    const exec = createExecaExecutor();
    const tricky = ["a b", "$(echo no)", "x;y", "'q'", "*"];
    const result = await exec.run({
      file: node,
      args: ["-e", "process.stdout.write(JSON.stringify(process.argv.slice(1)))", ...tricky],
    });
    expect(JSON.parse(result.stdout)).toEqual(tricky);
  });

  it("feeds stdin and the extra environment", async () => {
    const exec = createExecaExecutor({ env: { ZMGR_TEST_VALUE: "42" } });
    const result = await exec.run({
      file: node,
      args: [
        "-e",
        "process.stdin.pipe(process.stdout); process.stderr.write(process.env.ZMGR_TEST_VALUE)",
      ],
      stdin: "hello",
    });
    expect(result.stdout).toBe("hello");
    expect(result.stderr).toBe("42");
  });

  it("runs the command through the prefix", async () => {
    const exec = createExecaExecutor({
      prefix: [node, "-e", "console.log(process.argv.slice(1).join('|'))"],
    });
    const result = await exec.run({ file: "zoneadm", args: ["list", "-cp"] });
    expect(result.stdout).toBe("zoneadm|list|-cp\n");
  });

  it("turns a missing program into CommandNotFoundError mentioning --simulate", async () => {
    const exec = createExecaExecutor();
    const error = await exec.run({ file: "zmgr-no-such-program-x", args: [] }).catch((e) => e);
    expect(error).toBeInstanceOf(CommandNotFoundError);
    expect(error.code).toBe("zmgr::exec::not_found");
    expect(error.help).toContain("--simulate");
    expect(error.help).toContain("illumos host");
  });

  it("says so when the missing program is the command prefix", async () => {
    const exec = createExecaExecutor({ prefix: ["zmgr-no-such-pfexec"] });
    const error = await exec.run({ file: "zoneadm", args: ["list"] }).catch((e) => e);
    expect(error).toBeInstanceOf(CommandNotFoundError);
    expect(error.message).toBe("command not found: zmgr-no-such-pfexec");
    expect(error.help).toContain("command-prefix");
    expect(error.details.argv).toEqual(["zmgr-no-such-pfexec", "zoneadm", "list"]);
  });

  it("turns a program that may not be executed into PermissionDeniedError", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zmgr-exec-"));
    const file = join(dir, "zoneadm");
    await writeFile(file, "#!/bin/sh\necho hi\n");
    await chmod(file, 0o644);
    const error = await createExecaExecutor()
      .run({ file, args: [] })
      .catch((e) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.help).toContain('command-prefix "pfexec"');
  });

  it("kills a running command when its signal aborts", async () => {
    const controller = new AbortController();
    const exec = createExecaExecutor();
    const running = exec.run(
      { file: node, args: ["-e", "setTimeout(() => {}, 10000)"] },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 50);
    await expect(running).rejects.toBeInstanceOf(CommandAbortedError);
  });
});
