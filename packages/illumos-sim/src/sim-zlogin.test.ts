import { PassThrough } from "node:stream";
import { shellJoin, type TerminalIo } from "@zmgr/illumos-exec";
import { describe, expect, it } from "vitest";
import { createSimExecutor } from "./sim-executor.js";
import { SimHost } from "./sim-host.js";

const host = () =>
  SimHost.fresh()
    .withZone({ name: "web", state: "running" })
    .withZone({ name: "cold", state: "installed" })
    .withZone({ name: "bare", state: "configured" });
const zlogin = (h: SimHost, ...args: string[]) => h.run({ file: "zlogin", args });

function streams(input: string, isTTY: boolean): TerminalIo & { out: () => string } {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let text = "";
  stdout.on("data", (b) => {
    text += String(b);
  });
  stderr.on("data", (b) => {
    text += String(b);
  });
  stdin.end(input);
  return { stdin, stdout, stderr, isTTY, out: () => text };
}

describe("zlogin in the simulator", () => {
  it("runs a command in a running zone with its arguments joined and re-read by sh", () => {
    const h = host();
    const argv = ["printf", "%s|", "a b", "$HOME", "it's", '"q"', ""];
    expect(zlogin(h, "web", shellJoin(argv))).toEqual({
      exitCode: 0,
      stdout: 'a b|$HOME|it\'s|"q"||',
      stderr: "",
    });
    // Unquoted, the words are joined with spaces and split again, and $HOME expands in the zone.
    expect(zlogin(h, "web", "echo", "a  b", "$HOME").stdout).toBe("a b /root\n");
  });

  it("exits with the command's status", () => {
    const h = host();
    expect(zlogin(h, "web", "exit 7").exitCode).toBe(7);
    expect(zlogin(h, "web", "false").exitCode).toBe(1);
    expect(zlogin(h, "web", "nosuch")).toEqual({
      exitCode: 127,
      stdout: "",
      stderr: "sh: nosuch: not found\n",
    });
  });

  it("refuses as zlogin does: not running, not installed, unknown, global, usage", () => {
    const h = host();
    expect(zlogin(h, "cold", "true")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "zlogin: login allowed only to running zones (cold is 'installed').\n",
    });
    expect(zlogin(h, "bare", "true").stderr).toBe(
      "zlogin: cannot login to a zone which is 'configured'\n",
    );
    expect(zlogin(h, "nope", "true").stderr).toBe("zlogin: zone 'nope' unknown\n");
    expect(zlogin(h, "global", "true").stderr).toBe(
      "zlogin: 'zlogin' not applicable to the global zone\n",
    );
    const usage = zlogin(h);
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).toMatch(/^usage: zlogin \[ -nQCES \]/);
  });

  it("refuses the console without a terminal, on any state", () => {
    const h = host();
    const r = zlogin(h, "-C", "cold");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("failed to get user terminal settings");
    expect(zlogin(h, "-C", "bare").stderr).toContain(
      "cannot login to a zone which is 'configured'",
    );
  });

  it("connects the console of an installed zone on a terminal and ends on ~.", async () => {
    const exec = createSimExecutor(host());
    const io = streams("hello\n~.\nnever read\n", true);
    expect(await exec.interactive?.({ file: "zlogin", args: ["-C", "cold"] }, io)).toBe(0);
    expect(io.out()).toBe(
      "[Connected to zone 'cold' console]\n\n[Connection to zone 'cold' console closed]\n",
    );
  });

  it("streams a command's output in interactive mode and returns its status", async () => {
    const exec = createSimExecutor(host());
    const io = streams("", false);
    const code = await exec.interactive?.(
      { file: "zlogin", args: ["web", `${shellJoin(["printf", "%s\\n", "x y"])}; exit 3`] },
      io,
    );
    expect(code).toBe(3);
    expect(io.out()).toBe("x y\n");
  });

  it("runs a login shell line by line on a terminal", async () => {
    const exec = createSimExecutor(host());
    const io = streams("zonename\nexit 4\n", true);
    expect(await exec.interactive?.({ file: "zlogin", args: ["web"] }, io)).toBe(4);
    expect(io.out()).toBe(
      "[Connected to zone 'web' pts/2]\nweb\n\n[Connection to zone 'web' pts/2 closed]\n",
    );
  });
});
