import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "./test-support.js";

let env: TestEnv;
afterEach(async () => env?.cleanup());

describe("zmgr list", () => {
  it("joins registry and host, marking zones on one side only", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    env.host.withZone({ name: "manual", state: "running" });
    await writeFile(
      join(env.root, "zones/ghost.kdl"),
      `zone "ghost" {\n  template "oi"\n  net "internal" { address "10.1.0.99/24"; vnic "ghost0"; stub "oinetint0"; pool "internal"; }\n}\n`,
    );
    const r =
      await env.json<{ name: string; state: string; registered: boolean; onHost: boolean }[]>(
        "list",
      );
    expect(r.value.map((z) => [z.name, z.state, z.registered, z.onHost])).toEqual([
      ["ghost", "missing", true, false],
      ["web1", "installed", true, true],
      ["manual", "running", false, true],
    ]);
    const human = await env.run("list");
    expect(human.stdout.split("\n")[0]).toMatch(
      /^NAME\s+STATE\s+BRAND\s+TEMPLATE\s+ADDRESSES\s+VNICS$/,
    );
    expect(human.stdout).toContain("(not in registry)");
  });

  it("shows an interrupted create as interrupted", async () => {
    env = await testEnv();
    await writeFile(
      join(env.root, "zones/half.kdl"),
      `zone "half" {\n  template "oi"\n  net "internal" { address "10.1.0.50/24"; vnic "half0"; stub "oinetint0"; pool "internal"; }\n  status "creating" pid=999999 host="testhost" started="2026-03-22T09:00:00Z"\n}\n`,
    );
    const r = await env.json<{ name: string; state: string }[]>("list");
    expect(r.value).toEqual([expect.objectContaining({ name: "half", state: "interrupted" })]);
  });
});

describe("zmgr show", () => {
  it("prints the registry entry, live state and zonecfg info", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    const r = await env.run("show", "web1");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("web1  installed");
    expect(r.stdout).toContain("net internal: 10.1.0.10/24 vnic web1_0 over oinetint0");
    expect(r.stdout).toContain("allowed-address=10.1.0.10/24");
  });

  it("prints zonecfg list properties and an lx net's property lines", async () => {
    env = await testEnv();
    env.host.withZone({
      name: "lx1",
      brand: "lx",
      nets: [{ physical: "lx1_0", properties: { ips: "10.1.0.77/24", gateway: "10.1.0.1" } }],
      resources: [
        {
          type: "fs",
          props: { dir: "/data", special: "/export", type: "lofs" },
          lists: { options: ["ro", "nodevices"] },
        },
      ],
    });
    const r = await env.run("show", "lx1");
    expect(r.stdout).toContain("net physical=lx1_0 properties=(ips=10.1.0.77/24,gateway=10.1.0.1)");
    expect(r.stdout).toContain("fs dir=/data special=/export type=lofs options=[ro,nodevices]");
  });
});

describe("zmgr status", () => {
  it("exits 0 when registry and host agree", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    const r = await env.run("status");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("agree");
  });

  it("exits 3 on drift and names the exact cleanup", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    env.host.withZone({ name: "manual", state: "installed" });
    await writeFile(
      join(env.root, "zones/half.kdl"),
      `zone "half" {\n  template "oi"\n  net "internal" { address "10.1.0.50/24"; vnic "half0"; stub "oinetint0"; pool "internal"; }\n  status "creating" pid=999999 host="testhost" started="2026-03-22T09:00:00Z"\n}\n`,
    );
    const r = await env.json<{
      drift: boolean;
      items: { kind: string; zone: string; cleanup?: string[] }[];
    }>("status");
    expect(r.code).toBe(3);
    expect(r.value.items).toEqual([
      expect.objectContaining({
        kind: "create-interrupted",
        zone: "half",
        cleanup: ["zmgr destroy half --yes"],
      }),
      expect.objectContaining({ kind: "zone-not-in-registry", zone: "manual" }),
    ]);
  });

  it("agrees with an lx zone whose address is only in a `property (name=ips,…)` line", async () => {
    env = await testEnv();
    env.host.withLink({ name: "lx1_0", class: "vnic", over: "oinetint0" }).withZone({
      name: "lx1",
      nets: [{ physical: "lx1_0", properties: { ips: "10.1.0.77/24", primary: "true" } }],
    });
    await writeFile(
      join(env.root, "zones/lx1.kdl"),
      `zone "lx1" {\n  template "oi"\n  net "internal" { address "10.1.0.77/24"; vnic "lx1_0"; stub "oinetint0"; pool "internal"; }\n}\n`,
    );
    const r = await env.json<{ items: { kind: string }[] }>("status");
    expect(r.value.items).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("finds a VNIC missing on the host", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    env.host.run({ file: "dladm", args: ["delete-vnic", "web1_0"] });
    const r = await env.json<{ items: { kind: string }[] }>("status");
    expect(r.code).toBe(3);
    expect(r.value.items.map((i) => i.kind)).toEqual(["vnic-missing-on-host"]);
  });
});

describe("zmgr status: links", () => {
  it("reports a VNIC over a pool stub that no zone owns, with the delete command", async () => {
    env = await testEnv();
    env.host.run({ file: "dladm", args: ["create-vnic", "-l", "oinetint0", "stray0"] });
    env.host.run({ file: "dladm", args: ["create-vnic", "-l", "net0", "other0"] });
    const r = await env.json<{ items: { kind: string; cleanup?: string[] }[] }>("status");
    expect(r.code).toBe(3);
    expect(r.value.items).toEqual([
      expect.objectContaining({
        kind: "vnic-not-in-registry",
        cleanup: ["dladm delete-vnic stray0"],
      }),
    ]);
  });
});

describe("zmgr boot/halt/reboot/shutdown", () => {
  it("drives the zone through zoneadm", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    expect((await env.run("boot", "web1")).stdout).toContain("installed → running");
    expect((await env.run("reboot", "web1")).code).toBe(0);
    expect((await env.run("shutdown", "web1")).code).toBe(0);
    expect((await env.run("boot", "web1")).code).toBe(0);
    expect((await env.run("halt", "web1")).stdout).toContain("running → installed");
  });

  it("reports zoneadm's refusal with its stderr", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    const r = await env.run("shutdown", "web1");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr::exec::command_failed");
    expect(r.stderr).toContain("not running");
  });
});
