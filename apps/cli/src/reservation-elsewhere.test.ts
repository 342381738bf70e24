import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "./test-support.js";

let env: TestEnv;
afterEach(async () => env?.cleanup());

const ELSEWHERE =
  '  status "creating" by="gz9" host-id="another-machine" pid=4242 started="2026-03-22T09:00:00Z"\n';

/** web1 created, then its file rewritten as if another machine were still creating it. */
async function reservedElsewhere(): Promise<string> {
  env = await testEnv();
  expect((await env.run("create", "web1")).code).toBe(0);
  const path = join(env.root, "zones/web1.kdl");
  const text = (await readFile(path, "utf8")).replace(/}\n$/, `${ELSEWHERE}}\n`);
  await writeFile(path, text);
  return path;
}

describe("a reservation made on another machine", () => {
  it("is shown as creating by that machine in list, show, status and validate", async () => {
    await reservedElsewhere();
    const list = await env.json<{ name: string; state: string; reservedBy?: string }[]>("list");
    expect(list.value).toEqual([
      expect.objectContaining({ name: "web1", state: "creating by gz9", reservedBy: "gz9" }),
    ]);
    expect((await env.run("show", "web1")).stdout).toContain("creating by gz9");
    const status = await env.run("status");
    expect(status.code).toBe(3);
    expect(status.stdout).toContain("web1 is creating by gz9 (pid 4242");
    expect(status.stdout).toContain("zmgr destroy web1 --force");
    const validate = await env.run("validate");
    expect(validate.stdout + validate.stderr).toContain("creating by gz9");
  });

  it("is refused by destroy, and settled by destroy --force after confirmation", async () => {
    const path = await reservedElsewhere();
    const refused = await env.run("destroy", "web1", "--yes");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("zmgr::destroy::create_running");
    expect(refused.stderr).toContain("zmgr destroy web1 --force");
    const unconfirmed = await env.run("destroy", "web1", "--force");
    expect(unconfirmed.code).toBe(2);
    expect(await readFile(path, "utf8")).toContain('by="gz9"');
    const settled = await env.run("destroy", "web1", "--force", "--yes");
    expect(settled.code).toBe(0);
    expect(settled.stderr).toContain("settling the reservation of web1 made by gz9 (pid 4242)");
    expect(await readFile(path, "utf8").catch(() => "gone")).toBe("gone");
  });

  it("still refuses a create running on this machine, --force or not", async () => {
    env = await testEnv();
    expect((await env.run("create", "web1")).code).toBe(0);
    const path = join(env.root, "zones/web1.kdl");
    const text = (await readFile(path, "utf8")).replace(
      /}\n$/,
      '  status "creating" by="testhost" pid=4242 started="2026-03-22T09:00:00Z"\n}\n',
    );
    await writeFile(path, text);
    const r = await env.run("destroy", "web1", "--force", "--yes");
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("is still being created (pid 4242 on testhost)");
  });
});
