import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "../test-support.js";

let env: TestEnv;
afterEach(async () => env?.cleanup());

/** `count` zones on the host, each registered with the address its zonecfg holds. */
async function fleet(count: number): Promise<TestEnv> {
  const e = await testEnv();
  for (let i = 0; i < count; i++) {
    const name = `z${i}`;
    e.host
      .withLink({ name: `${name}_0`, class: "vnic", over: "oinetint0" })
      .withZone({ name, nets: [{ physical: `${name}_0`, allowedAddress: `10.1.0.${10 + i}/24` }] });
    await writeFile(
      join(e.root, `zones/${name}.kdl`),
      `zone "${name}" {\n  template "oi"\n  net "internal" { address "10.1.0.${10 + i}/24"; vnic "${name}_0"; stub "oinetint0"; pool "internal"; }\n}\n`,
    );
  }
  return e;
}

const programs = (e: TestEnv) => e.commands.map((c) => c.slice(0, 3).join(" "));

describe("zone configurations in bulk", () => {
  it("status runs the same commands for 3 zones as for 40, none of them zonecfg", async () => {
    const counts: number[] = [];
    for (const n of [3, 40]) {
      env = await fleet(n);
      env.commands.length = 0;
      const r = await env.run("status");
      expect(r.code).toBe(0);
      counts.push(env.commands.length);
      expect(programs(env)).toEqual(
        expect.arrayContaining(["zoneadm list -cp", "/usr/bin/tar -cf -"]),
      );
      expect(env.commands.some((c) => c[0] === "zonecfg")).toBe(false);
      await env.cleanup();
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it("status still sees an address drift through the zone file", async () => {
    env = await fleet(2);
    env.host.run({
      file: "zonecfg",
      args: ["-z", "z1", "select net physical=z1_0; set allowed-address=10.1.0.99/24; end"],
    });
    const r = await env.json<{ items: { kind: string; zone: string }[] }>("status");
    expect(r.code).toBe(3);
    expect(r.value.items).toEqual([
      expect.objectContaining({ kind: "address-mismatch", zone: "z1" }),
    ]);
  });

  it("status -v says which zone came from its file and which from zonecfg info, and why", async () => {
    env = await fleet(2);
    env.host.editZoneFile("z1.xml", "<zone name=");
    const r = await env.run("-v", "status");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("zone z0: configuration from /etc/zones/z0.xml\n");
    expect(r.stderr).toMatch(
      /zone z1: configuration from zonecfg info \(z1\.xml cannot be parsed: .+\)\n/,
    );
    expect(r.stderr).toMatch(
      /\$ \/usr\/bin\/tar -cf - -C \/etc\/zones \.\n {2}\(\d+ bytes of binary output\)/,
    );
    expect(env.commands.filter((c) => c[0] === "zonecfg")).toEqual([
      ["zonecfg", "-z", "z1", "info"],
    ]);
  });

  it("reads the zones-dir of config.kdl (an alternate root)", async () => {
    env = await fleet(1);
    env.host.withZonesDir("/a/etc/zones");
    await env.run("status");
    expect(env.commands.filter((c) => c[0] === "zonecfg")).toHaveLength(1);
    await writeFile(join(env.root, "config.kdl"), 'zones-dir "/a/etc/zones"\n');
    env.commands.length = 0;
    expect((await env.run("status")).code).toBe(0);
    expect(env.commands.some((c) => c.includes("/a/etc/zones"))).toBe(true);
    expect(env.commands.some((c) => c[0] === "zonecfg")).toBe(false);
  });

  it("list never reads zone configurations", async () => {
    env = await fleet(2);
    env.commands.length = 0;
    await env.run("list");
    expect(programs(env)).not.toContain("/usr/bin/tar -cf -");
    expect(env.commands.some((c) => c[0] === "zonecfg")).toBe(false);
  });

  it("validate reads the unregistered zones from the files, and their addresses count", async () => {
    env = await fleet(0);
    env.host
      .withLink({ name: "hand0", class: "vnic", over: "oinetint0" })
      .withZone({ name: "hand", nets: [{ physical: "hand0", allowedAddress: "10.1.0.10/24" }] });
    await writeFile(
      join(env.root, "zones/web.kdl"),
      `zone "web" {\n  template "oi"\n  net "internal" { address "10.1.0.10/24"; vnic "web0"; stub "oinetint0"; pool "internal"; }\n}\n`,
    );
    env.commands.length = 0;
    const r = await env.run("validate");
    expect(r.stdout).toContain("10.1.0.10");
    expect(programs(env)).toContain("/usr/bin/tar -cf -");
    expect(env.commands.some((c) => c[0] === "zonecfg")).toBe(false);
  });

  it("show prints the zone file's configuration", async () => {
    env = await fleet(1);
    env.commands.length = 0;
    const r = await env.json<{ zonecfg: { nets: unknown[] } }>("show", "z0");
    expect(r.value.zonecfg.nets).toEqual([{ physical: "z0_0", allowedAddress: "10.1.0.10/24" }]);
    expect(env.commands.some((c) => c[0] === "zonecfg")).toBe(false);
  });
});
