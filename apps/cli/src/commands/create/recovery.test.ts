import { Registry } from "@zmgr/registry";
import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "../../test-support.js";

let env: TestEnv;
afterEach(async () => env?.cleanup());

describe("create when the rollback itself fails", () => {
  it("marks the zone failed, keeps its addresses and prints the remaining cleanup", async () => {
    env = await testEnv();
    env.host.inject({ match: "zoneadm -z r1 boot", exitCode: 1, stderr: "boot failed\n" });
    env.host.inject({
      match: "zoneadm -z r1 uninstall",
      exitCode: 1,
      stderr: "uninstall failed\n",
    });
    const r = await env.run("create", "r1", "-t", "router");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("undo failed: uninstall zone r1");
    expect(r.stdout).toContain("zoneadm -z r1 uninstall -F");
    const text = (await env.files())["zones/r1.kdl"] ?? "";
    expect(text).toMatch(/status "failed"/);
    expect(text).toContain("10.1.0.10/24");
    // the addresses stay reserved: the next zone gets another one
    await env.run("create", "web2");
    expect((await env.files())["zones/web2.kdl"]).toContain("10.1.0.11/24");
    // and destroy finishes the cleanup
    expect((await env.run("destroy", "r1", "--yes")).code).toBe(0);
    expect((await env.json<{ items: unknown[] }>("status")).value.items).toEqual([]);
  });
});

describe("create and the registry lock", () => {
  it("fails with the holder named after --lock-timeout", async () => {
    env = await testEnv();
    // another machine: another host id (on this one, a made-up pid would be judged gone)
    const other = Registry.open(env.root, { host: "otherhost", hostId: "other-machine", pid: 777 });
    const r = await other.withLock(() => env.run("create", "web1", "--lock-timeout", "0.3"), {
      timeoutMs: 5000,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr::registry::locked");
    expect(r.stderr).toContain("otherhost");
    expect(Object.keys(await env.files())).not.toContain("zones/web1.kdl");
  });
});

describe("create --ip", () => {
  it("refuses two addresses of one family for a net", async () => {
    env = await testEnv();
    const r = await env.run(
      "create",
      "web1",
      "--ip",
      "internal=10.1.0.20",
      "--ip",
      "internal=10.1.0.21",
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr::create::too_many_pins");
  });

  it("refuses an address outside the net's pool", async () => {
    env = await testEnv();
    const r = await env.run("create", "web1", "--ip", "internal=192.0.2.5");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr::pool::address_not_allocatable");
  });
});

describe("destroy --dry-run", () => {
  it("prints the steps from the live state and changes nothing", async () => {
    env = await testEnv();
    await env.run("create", "r1", "-t", "router");
    const before = { files: await env.files(), host: env.hostState() };
    const r = await env.run("destroy", "r1", "--dry-run");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("zoneadm -z r1 halt");
    expect(r.stdout).toContain("dladm delete-vnic r1_1");
    expect(await env.files()).toEqual(before.files);
    expect(env.hostState()).toBe(before.host);
  });
});

describe("create pre-flight against the host", () => {
  it("refuses a VNIC name that already exists, before any change", async () => {
    env = await testEnv();
    env.host.run({ file: "dladm", args: ["create-vnic", "-l", "oinetint0", "web1_0"] });
    const before = { files: await env.files(), host: env.hostState() };
    const r = await env.run("create", "web1");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("web1_0");
    expect(await env.files()).toEqual(before.files);
    expect(env.hostState()).toBe(before.host);
  });

  it("refuses when a pool's stub is missing on the host", async () => {
    env = await testEnv();
    env.host.run({ file: "dladm", args: ["delete-etherstub", "oinetint0"] });
    const r = await env.run("create", "web1");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("oinetint0");
    expect(Object.keys(await env.files())).not.toContain("zones/web1.kdl");
  });

  it("refuses a name a host zone already has, pointing to import", async () => {
    env = await testEnv();
    env.host.withZone({ name: "web1", state: "installed" });
    const r = await env.run("create", "web1");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr import web1");
  });
});

describe("create on a shared-IP template", () => {
  it("uses the stub as physical with address=, and refuses --vnic", async () => {
    env = await testEnv();
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      `${env.root}/pools/lan.kdl`,
      `pool "lan" {\n  network "192.168.50.0/24"\n  gateway "192.168.50.1"\n  stub "net0"\n  range-start "192.168.50.10"\n  range-end "192.168.50.20"\n}\n`,
    );
    await writeFile(
      `${env.root}/templates/shared.kdl`,
      `template "shared" {\n  brand "ipkg"\n  ip-type "shared"\n  net "lan" { pool "lan"; }\n}\n`,
    );
    const refused = await env.run("create", "s1", "-t", "shared", "--vnic", "lan=s1x0");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("zmgr::create::vnic_on_shared");
    const dry = await env.run("create", "s1", "-t", "shared", "--dry-run");
    expect(dry.stdout).toContain('set physical="net0"');
    expect(dry.stdout).toContain('set address="192.168.50.10/24"');
    expect(dry.stdout).not.toContain("create-vnic");
  });
});
