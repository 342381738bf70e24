import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "../../test-support.js";

let env: TestEnv;
afterEach(async () => env?.cleanup());

/** Gives the in-process program a terminal made of streams; returns what it printed there. */
function terminal(e: TestEnv, input: string, isTTY: boolean): () => string {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let text = "";
  for (const s of [stdout, stderr]) s.on("data", (b) => (text += String(b)));
  stdin.end(input);
  e.deps.terminal = { stdin, stdout, stderr, isTTY };
  e.deps.isTTY = isTTY;
  e.deps.stdinIsTTY = isTTY;
  return () => text;
}

describe("zmgr login", () => {
  it("runs one command as one POSIX-quoted zlogin argument and returns its status", async () => {
    env = await testEnv();
    env.host.withZone({ name: "web", state: "running" });
    const seen = terminal(env, "", false);
    const r = await env.run("login", "web", "--", "printf", "%s|", "a b", "$HOME", `it's "q"`);
    expect(r.code, r.stderr).toBe(0);
    expect(seen()).toBe(`a b|$HOME|it's "q"|`);
    expect(env.commands.at(-1)).toEqual([
      "zlogin",
      "web",
      `printf '%s|' 'a b' '$HOME' 'it'\\''s "q"'`,
    ]);
    expect((await env.run("login", "web", "--", "sh-exit", "x")).code).toBe(127);
    expect((await env.run("login", "web", "--", "exit", "9")).code).toBe(9);
  });

  it("passes zlogin's refusal through for a zone that is not running", async () => {
    env = await testEnv();
    env.host.withZone({ name: "cold", state: "installed" });
    const seen = terminal(env, "", false);
    const r = await env.run("login", "cold", "--", "true");
    expect(r.code).toBe(1);
    expect(seen()).toBe("zlogin: login allowed only to running zones (cold is 'installed').\n");
  });

  it("prints the zlogin command under --dry-run and runs nothing", async () => {
    env = await testEnv();
    const before = env.commands.length;
    const r = await env.run("login", "web", "--dry-run", "--", "echo", "$x");
    expect(r.stdout).toBe("zlogin web 'echo '\\''$x'\\'''\n");
    expect(env.commands.length).toBe(before);
  });
});

describe("zmgr console", () => {
  it("exits 2 without a terminal before anything runs", async () => {
    env = await testEnv();
    env.host.withZone({ name: "cold", state: "installed" });
    terminal(env, "", false);
    const before = env.commands.length;
    const r = await env.run("console", "cold");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("needs a terminal");
    expect(env.commands.length).toBe(before);
  });

  it("connects on a terminal to an installed zone and ends on ~.", async () => {
    env = await testEnv();
    env.host.withZone({ name: "cold", state: "installed" });
    const seen = terminal(env, "~.\n", true);
    const r = await env.run("console", "cold");
    expect(r.code, r.stderr).toBe(0);
    expect(env.commands.at(-1)).toEqual(["zlogin", "-C", "cold"]);
    expect(seen()).toBe(
      "[Connected to zone 'cold' console]\n\n[Connection to zone 'cold' console closed]\n",
    );
  });
});
