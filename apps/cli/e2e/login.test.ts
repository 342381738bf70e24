import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { world, ZMGR } from "./helpers.js";

/** Runs `script -qec <line> /dev/null` (a pseudo-terminal) with `input` typed into it. */
function underPty(
  line: string,
  input: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      "script",
      ["-qec", line, "/dev/null"],
      { env, timeout: 30_000 },
      (error, stdout) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, out: stdout });
      },
    );
    child.stdin?.end(input);
  });
}

const sh = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

describe("login and console (built bin, zmgr-sim as zlogin on PATH)", () => {
  it("login runs a command with quotes and $ intact and returns its exit status", async () => {
    const w = await world();
    expect((await w.zmgr("init")).code).toBe(0);
    expect((await w.zmgr("create", "web1")).code).toBe(0);
    expect((await w.zmgr("boot", "web1")).code).toBe(0);

    const r = await w.zmgr("login", "web1", "--", "printf", "%s|", "a b", "$HOME", `it's "q"`, "");
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`a b|$HOME|it's "q"||`);
    expect(r.code).toBe(0);
    expect((await w.zmgr("login", "web1", "--", "exit", "7")).code).toBe(7);
    const v = await w.zmgr("-v", "login", "web1", "--", "echo", "$x");
    expect(v.stderr).toContain(`$ zlogin web1 'echo '\\''$x'\\'''`);
  });

  it("login to an installed zone is refused with zlogin's message", async () => {
    const w = await world();
    await w.zmgr("init");
    await w.zmgr("create", "web2");
    const r = await w.zmgr("login", "web2", "--", "true");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("zlogin: login allowed only to running zones (web2 is 'installed').\n");
  });

  it("console without a terminal exits 2 before anything runs", async () => {
    const w = await world();
    await w.zmgr("init");
    await w.zmgr("create", "web2");
    const r = await w.zmgr("-v", "console", "web2");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("needs a terminal");
    expect(r.stderr).not.toContain("$ ");
  });

  it("console under a pseudo-terminal connects to an installed zone and ends on ~.", async () => {
    const w = await world();
    await w.zmgr("init");
    await w.zmgr("create", "web2");
    const line = `${sh(process.execPath)} ${sh(ZMGR)} console web2`;
    const r = await underPty(line, "~.\n", w.env);
    expect(r.out).toContain("[Connected to zone 'web2' console]");
    expect(r.out).toContain("[Connection to zone 'web2' console closed]");
    expect(r.code).toBe(0);
  });
});
