import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "./test-support.js";

let env: TestEnv;
afterEach(async () => env?.cleanup());

/** Files an admin (or an editor, or patch) leaves beside the zone documents. */
const ADMIN_FILES = ["web2.kdl.20261204", "web1.kdl~", ".#web1.kdl", "web1.kdl.orig"];

describe("an admin's files in the registry", () => {
  it("survive every command, and are never read as documents", async () => {
    env = await testEnv();
    expect((await env.run("create", "web1")).code).toBe(0);
    expect((await env.run("create", "web2")).code).toBe(0);
    const zones = join(env.root, "zones");
    const web2 = await readFile(join(zones, "web2.kdl"), "utf8");
    for (const f of ADMIN_FILES) await writeFile(join(zones, f), `${web2}// ${f}\n`);
    const commands = [
      ["pool", "add-address", "public", "203.0.113.50"],
      ["pool", "remove-address", "public", "203.0.113.50"],
      ["create", "web3"],
      ["destroy", "web3", "--yes"],
      ["list"],
      ["status"],
      ["validate"],
      ["show", "web1"],
      ["fmt"],
      ["pool", "list"],
    ];
    for (const argv of commands) {
      const r = await env.run(...argv);
      expect({ argv, code: r.code, stderr: r.stderr }).toMatchObject({
        code: argv[0] === "status" ? expect.any(Number) : 0,
      });
      for (const f of ADMIN_FILES) {
        expect({ argv, f, text: await readFile(join(zones, f), "utf8") }).toEqual({
          argv,
          f,
          text: `${web2}// ${f}\n`,
        });
      }
    }
    const list = await env.json<{ name: string }[]>("list");
    expect(list.value.map((z) => z.name)).toEqual(["web1", "web2"]);
  });

  it("removes only a temp file zmgr left behind, and says so", async () => {
    env = await testEnv();
    const zones = join(env.root, "zones");
    const { spawnSync } = await import("node:child_process");
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const temp = `.web9.kdl.zmgr-${dead}-0123456789ab`;
    await writeFile(join(zones, temp), 'zone "web9" {');
    const r = await env.run("pool", "add-address", "public", "203.0.113.50");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `removed zones/${temp}, a temp file left by an interrupted zmgr write`,
    );
    expect(await readdir(zones)).toEqual([]);
  });

  it("-v prints how long each command held the registry lock", async () => {
    env = await testEnv();
    const r = await env.run("-v", "pool", "add-address", "public", "203.0.113.50");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^lock held \d+ ms$/m);
    const quiet = await env.run("pool", "remove-address", "public", "203.0.113.50");
    expect(quiet.stderr).not.toMatch(/lock held/);
  });
});
