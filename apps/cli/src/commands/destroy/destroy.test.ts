import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "../../test-support.js";

let env: TestEnv;
afterEach(async () => env?.cleanup());

describe("zmgr destroy", () => {
  it("refuses without a TTY and without --yes (exit 2), touching nothing", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    const before = { files: await env.files(), host: env.hostState() };
    const r = await env.run("destroy", "web1");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--yes");
    expect(await env.files()).toEqual(before.files);
    expect(env.hostState()).toBe(before.host);
  });

  it("asks for the zone name on a TTY and goes ahead only when it matches", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    env.deps.stdinIsTTY = true;
    env.deps.prompt = async () => "web2";
    expect((await env.run("destroy", "web1")).code).toBe(1);
    expect(Object.keys(await env.files())).toContain("zones/web1.kdl");
    env.deps.prompt = async () => "web1\n";
    expect((await env.run("destroy", "web1")).code).toBe(0);
    expect(Object.keys(await env.files())).not.toContain("zones/web1.kdl");
  });

  it("halts, uninstalls, deletes the configuration and the VNICs, then the registry file", async () => {
    env = await testEnv();
    const before = { files: await env.files(), host: env.hostState() };
    await env.run("create", "r1", "-t", "router");
    const r = await env.json<{ steps: { id: string; status: string }[] }>("destroy", "r1", "--yes");
    expect(r.code).toBe(0);
    expect(r.value.steps.map((s) => s.id)).toEqual([
      "halt",
      "uninstall",
      "zonecfg-delete",
      "delete-vnic:r1_0",
      "delete-vnic:r1_1",
      "unregister",
    ]);
    expect(await env.files()).toEqual(before.files);
    expect(env.hostState()).toBe(before.host);
  });

  const steps: [string, RegExp][] = [
    ["halt", /zoneadm -z r1 halt/],
    ["uninstall", /zoneadm -z r1 uninstall/],
    ["zonecfg delete", /zonecfg -z r1 delete/],
    ["the first VNIC", /dladm delete-vnic r1_0/],
    ["the second VNIC", /dladm delete-vnic r1_1/],
  ];
  for (const [what, match] of steps) {
    it(`finishes on a second run after failing at ${what}`, async () => {
      env = await testEnv();
      const before = { files: await env.files(), host: env.hostState() };
      await env.run("create", "r1", "-t", "router");
      env.host.inject({ match, exitCode: 1, stderr: "simulated\n" });
      const first = await env.run("destroy", "r1", "--yes");
      expect(first.code).toBe(1);
      expect(first.stderr).toContain("run `zmgr destroy r1 --yes` again");
      expect(Object.keys(await env.files())).toContain("zones/r1.kdl");
      const second = await env.run("destroy", "r1", "--yes");
      expect(second.code).toBe(0);
      expect(await env.files()).toEqual(before.files);
      expect(env.hostState()).toBe(before.host);
    });
  }

  it("stops after the running step on Ctrl-C; a second run finishes", async () => {
    env = await testEnv({
      wrap: (inner, e) => ({
        run: async (cmd, o) => {
          const result = await inner.run(cmd, o);
          if (cmd.args.includes("halt")) e.interrupt();
          return result;
        },
      }),
    });
    await env.run("create", "r1", "-t", "router");
    const first = await env.run("destroy", "r1", "--yes");
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("zmgr::destroy::interrupted");
    expect((await env.run("destroy", "r1", "--yes")).code).toBe(0);
  });

  it("refuses a zone whose create is still running", async () => {
    env = await testEnv();
    await env.run("create", "web1", "--no-rollback");
    const files = await env.files();
    // a live reservation of this very process
    const text = (files["zones/web1.kdl"] ?? "").replace(
      /\n}/,
      `\n  status "creating" pid=4242 host="testhost" started="2026-03-22T10:00:00.000Z"\n}`,
    );
    const { writeFile } = await import("node:fs/promises");
    await writeFile(`${env.root}/zones/web1.kdl`, text);
    const r = await env.run("destroy", "web1", "--yes");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr::destroy::create_running");
  });

  it("points to import for a zone that is only on the host", async () => {
    env = await testEnv();
    env.host.withZone({ name: "manual", state: "installed" });
    const r = await env.run("destroy", "manual", "--yes");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr import manual");
  });

  it("never deletes a shared-IP stub", async () => {
    env = await testEnv();
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      `${env.root}/pools/lan.kdl`,
      `pool "lan" {\n  network "192.168.50.0/24"\n  stub "net0"\n  range-start "192.168.50.10"\n  range-end "192.168.50.20"\n}\n`,
    );
    await writeFile(
      `${env.root}/templates/shared.kdl`,
      `template "shared" {\n  brand "ipkg"\n  ip-type "shared"\n  net "lan" { pool "lan"; }\n}\n`,
    );
    const c = await env.run("create", "s1", "-t", "shared");
    expect(c.stderr).toBe("");
    env.commands.length = 0;
    expect((await env.run("destroy", "s1", "--yes")).code).toBe(0);
    expect(env.commands.filter((x) => x[1] === "delete-vnic")).toEqual([]);
    expect(env.hostState()).toContain("net0");
  });
});
