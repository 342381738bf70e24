import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "./test-support.js";
import { VERSION } from "./version.js";

let env: TestEnv;
afterEach(async () => env?.cleanup());

describe("the zmgr program", () => {
  it("prints its version", async () => {
    env = await testEnv({ init: false });
    const r = await env.run("--version");
    expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  it("lists every command in --help", async () => {
    env = await testEnv({ init: false });
    const r = await env.run("--help");
    expect(r.code).toBe(0);
    for (const c of [
      "init",
      "create",
      "destroy",
      "list",
      "show",
      "boot",
      "halt",
      "reboot",
      "shutdown",
      "import",
      "validate",
      "status",
      "fmt",
    ]) {
      expect(r.stdout).toContain(`  ${c}`);
    }
  });

  it("exits 2 on an unknown option or command", async () => {
    env = await testEnv({ init: false });
    expect((await env.run("create")).code).toBe(2);
    expect((await env.run("frobnicate")).code).toBe(2);
    expect((await env.run("list", "--bogus")).code).toBe(2);
  });

  it("treats a bad option value as a usage error (exit 2), also as JSON under --json", async () => {
    env = await testEnv();
    for (const args of [
      ["list", "--lock-timeout", "abc"],
      ["list", "--lock-timeout", "-1"],
      ["create", "web1", "--ip", ";"],
      ["create", "web1", "--vnic", "internal="],
      ["create", "web1", "--ip", "=10.1.0.9"],
    ]) {
      const r = await env.run(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).not.toContain("unexpected error");
      const j = await env.run("--json", ...args);
      expect(j.code).toBe(2);
      expect(JSON.parse(j.stderr)).toMatchObject({ error: { code: "zmgr::cli::usage" } });
    }
  });

  it("accepts global options after the subcommand", async () => {
    env = await testEnv();
    const r = await env.run("list", "--json");
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it("prints errors as JSON on stderr under --json, with code and help", async () => {
    env = await testEnv();
    const r = await env.run("--json", "show", "nosuch");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(JSON.parse(r.stderr)).toMatchObject({
      error: { code: "zmgr::zone::not_found", help: expect.any(String) },
    });
  });

  it("prints expected errors with code and help and no stack trace", async () => {
    env = await testEnv();
    const r = await env.run("show", "nosuch");
    expect(r.stderr).toMatch(/^error\[zmgr::zone::not_found\]: /);
    expect(r.stderr).toContain("help:");
    expect(r.stderr).not.toContain("    at ");
  });

  it("-v echoes each system command and its output on stderr", async () => {
    env = await testEnv();
    const r = await env.run("-v", "list");
    expect(r.stderr).toContain("$ zoneadm list -cp");
    expect(r.stderr).toContain("global");
  });

  it("shows a spinner and ✔ per step on a terminal", async () => {
    env = await testEnv();
    env.deps.isTTY = true;
    const r = await env.run("create", "web1");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\r\x1b\[2K\x1b\[36m[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]\x1b\[39m create VNIC web1_0/);
    expect(r.stdout).toContain("\x1b[32m✔\x1b[39m configure zone web1");
  });

  it("prints plain step lines when not on a terminal", async () => {
    env = await testEnv();
    const r = await env.run("create", "web1");
    expect(r.stdout.split("\n").slice(0, 3)).toEqual([
      "✔ create VNIC web1_0 over oinetint0",
      "✔ configure zone web1",
      "✔ install zone web1 from openindiana.org",
    ]);
  });

  it("uses no colour codes when not on a terminal", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    const r = await env.run("list");
    expect(r.stdout).not.toContain("\x1b[");
  });

  it("colours on a terminal unless NO_COLOR or --no-color", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    env.deps.isTTY = true;
    expect((await env.run("list")).stdout).toContain("\x1b[");
    expect((await env.run("list", "--no-color")).stdout).not.toContain("\x1b[");
    env.deps.env = { NO_COLOR: "1" };
    expect((await env.run("list")).stdout).not.toContain("\x1b[");
  });
});
