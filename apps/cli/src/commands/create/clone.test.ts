import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "../../test-support.js";

let env: TestEnv;
afterEach(async () => env?.cleanup());

const mutating = (cmds: string[][]) =>
  cmds.filter((c) =>
    ["create-vnic", "-f", "clone", "install", "boot", "set-publisher"].some((w) => c.includes(w)),
  );

describe("zmgr create --clone", () => {
  it("clones a halted golden zone: create-vnic, zonecfg, clone — never install", async () => {
    env = await testEnv();
    expect((await env.run("create", "golden")).code).toBe(0);
    const start = env.commands.length;
    const r = await env.run("create", "web1", "--clone", "golden");
    expect(r.code, r.stderr).toBe(0);
    expect(mutating(env.commands.slice(start)).map((c) => c.slice(0, 5).join(" "))).toEqual([
      "dladm create-vnic -l oinetint0 web1_0",
      expect.stringMatching(/^zonecfg -z web1 -f/),
      "zoneadm -z web1 clone golden",
    ]);
    expect(env.host.zone("web1")?.state).toBe("installed");
  });

  it("says clone (ZFS) or clone (copy) in the plan", async () => {
    env = await testEnv();
    await env.run("create", "golden");
    const dry = await env.json<{ clone: unknown; plan: { steps: { title: string }[] } }>(
      "create",
      "web1",
      "--clone",
      "golden",
      "--dry-run",
    );
    expect(dry.value.clone).toEqual({ source: "golden", method: "zfs" });
    expect(dry.value.plan.steps.map((s) => s.title)).toContain("clone zone web1 from golden (ZFS)");
    env.host.withZone({
      name: "elsewhere",
      state: "installed",
      brand: "ipkg",
      zonepath: "/export/elsewhere",
    });
    const copy = await env.run("create", "web2", "--clone", "elsewhere", "--dry-run");
    expect(copy.stdout).toContain("clone zone web2 from elsewhere (copy)");
  });

  it("refuses a running source, another brand, or a missing one before anything runs", async () => {
    env = await testEnv();
    await env.run("create", "golden");
    await env.run("boot", "golden");
    env.host.withZone({ name: "lx1", state: "installed", brand: "lx" });
    const start = env.commands.length;
    const r = await env.run("create", "web1", "--clone", "golden");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zone golden is running; zoneadm clone needs the source installed");
    expect((await env.run("create", "web1", "--clone", "lx1")).stderr).toContain("brand lx");
    expect((await env.run("create", "web1", "--clone", "nosuch")).stderr).toContain(
      "not on this host",
    );
    expect(mutating(env.commands.slice(start))).toEqual([]);
    expect(Object.keys(await env.files()).filter((f) => f.startsWith("zones/"))).toEqual([
      "zones/golden.kdl",
    ]);
  });

  it("takes the source from a template's clone and rolls back a failed clone", async () => {
    env = await testEnv();
    await env.run("create", "golden");
    const { writeFile } = await import("node:fs/promises");
    const { join } = await import("node:path");
    await writeFile(
      join(env.root, "templates/web.kdl"),
      'template "web" {\n  brand "ipkg"\n  net "internal" { pool "internal"; }\n  clone "golden"\n}\n',
    );
    const host = env.hostState();
    env.host.inject({
      match: "zoneadm -z web1 clone",
      exitCode: 1,
      stderr: "zoneadm: boom\n",
      leaveState: "incomplete",
    });
    const r = await env.run("create", "web1", "-t", "web");
    expect(r.code).toBe(1);
    expect(env.hostState()).toBe(host);
    const ok = await env.run("create", "web1", "-t", "web");
    expect(ok.code, ok.stderr).toBe(0);
    expect(env.commands.some((c) => c.join(" ") === "zoneadm -z web1 clone golden")).toBe(true);
  });
});
