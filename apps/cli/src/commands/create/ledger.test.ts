import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "../../test-support.js";

let env: TestEnv;
afterEach(async () => env?.cleanup());

/** zones/web1.kdl with the closing quote of its address dropped, as a hand edit might. */
async function breakWeb1(root: string): Promise<string> {
  const path = join(root, "zones/web1.kdl");
  const good = await readFile(path, "utf8");
  const broken = good.replace('"10.1.0.10/24"', '"10.1.0.10/24');
  expect(broken).not.toBe(good);
  await writeFile(path, broken);
  return good;
}

describe("the ledger fails closed on an unreadable zone document", () => {
  it("refuses create with the file's location and never hands out web1's address", async () => {
    env = await testEnv();
    expect((await env.run("create", "web1")).code).toBe(0);
    expect((await env.files())["zones/web1.kdl"]).toContain('"10.1.0.10/24"');
    const good = await breakWeb1(env.root);

    const ran = env.commands.length;
    const r = await env.run("create", "web2");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr::registry::ledger_unreadable");
    expect(r.stderr).toMatch(/zones\/web1\.kdl:\d+:\d+/);
    expect(r.stderr).toContain("fix or remove zones/web1.kdl");
    expect(Object.keys(await env.files())).not.toContain("zones/web2.kdl");
    expect(env.commands.length).toBe(ran); // refused before any host command

    // --ip and --dry-run are refused the same way
    const pinned = await env.run("create", "web2", "--ip", "internal=10.1.0.10");
    expect(pinned.stderr).toContain("zmgr::registry::ledger_unreadable");
    const dry = await env.run("--dry-run", "create", "web2");
    expect(dry.stderr).toContain("zmgr::registry::ledger_unreadable");

    // read-only commands work, report the file, and count web1's live address
    const show = await env.run("pool", "show", "internal");
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/used 1\b/);
    expect(show.stdout).toMatch(/10\.1\.0\.10\s+web1/);
    expect(show.stderr).toContain("zones/web1.kdl cannot be read");
    expect((await env.run("pool", "list")).code).toBe(0);

    // fixed afterwards: web2 gets the next address, never web1's
    await writeFile(join(env.root, "zones/web1.kdl"), good);
    expect((await env.run("create", "web2")).code).toBe(0);
    const web2 = (await env.files())["zones/web2.kdl"] ?? "";
    expect(web2).toContain('"10.1.0.11/24"');
  }, 60_000);

  it("counts a host zone whose registry document was removed by its live zonecfg", async () => {
    env = await testEnv();
    expect((await env.run("create", "web1")).code).toBe(0);
    await rm(join(env.root, "zones/web1.kdl"));
    expect((await env.run("create", "web2")).code).toBe(0);
    expect((await env.files())["zones/web2.kdl"]).toContain('"10.1.0.11/24"');
    const pinned = await env.run("create", "web3", "--ip", "internal=10.1.0.10");
    expect(pinned.code).toBe(1);
    expect(pinned.stderr).toContain("10.1.0.10");
  }, 60_000);
});

describe("what still works while a zone document cannot be parsed", () => {
  it("destroy of a zone whose own document is readable, and the read-only commands", async () => {
    env = await testEnv();
    expect((await env.run("create", "web1")).code).toBe(0);
    expect((await env.run("create", "web2")).code).toBe(0);
    await breakWeb1(env.root);
    for (const args of [["list"], ["show", "web2"], ["pool", "list"]]) {
      const r = await env.run(...args);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
    }
    expect((await env.run("validate", "--no-host")).stdout).toContain("zones/web1.kdl");
    const r = await env.run("destroy", "web2", "--yes");
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(await env.files())).not.toContain("zones/web2.kdl");
    // what changes what may be handed out is refused
    const removal = await env.run("pool", "remove-address", "public", "203.0.113.20");
    expect(removal.stderr).toContain("zmgr::registry::ledger_unreadable");
  }, 60_000);
});

describe("the registry lock covers registry I/O only", () => {
  it("runs no system command while the lock file exists, on success and on rollback", async () => {
    let underLock: string[] = [];
    env = await testEnv({
      wrap: (inner, e) => ({
        run: (cmd, o) => {
          if (existsSync(join(e.root, ".zmgr.lock")))
            underLock.push([cmd.file, ...cmd.args].join(" "));
          return inner.run(cmd, o);
        },
      }),
    });
    underLock = [];
    expect((await env.run("create", "web1")).code).toBe(0);
    env.host.inject({ match: "zoneadm -z web2 install", exitCode: 1, stderr: "install failed\n" });
    expect((await env.run("create", "web2")).code).toBe(1);
    expect((await env.run("destroy", "web1", "--yes")).code).toBe(0);
    expect(env.commands.length).toBeGreaterThan(10);
    expect(underLock).toEqual([]);
  }, 60_000);
});
