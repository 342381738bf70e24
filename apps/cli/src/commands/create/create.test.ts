import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "../../test-support.js";

const FULL_TEMPLATE = `template "full" {
  brand "ipkg"
  autoboot #true
  ip-type "exclusive"
  net "internal" { pool "internal"; }
  net "public" { pool "public"; }
  publisher "openindiana.org"
  publisher "extra"
}
`;

let env: TestEnv;
afterEach(async () => env?.cleanup());

async function fullEnv(): Promise<TestEnv> {
  const e = await testEnv();
  await writeFile(join(e.root, "templates/full.kdl"), FULL_TEMPLATE);
  await writeFile(
    join(e.root, "publishers/extra.kdl"),
    `publisher "extra" { origin "https://pkg.example.org/extra"; }\n`,
  );
  return e;
}

describe("zmgr create", () => {
  it("creates a zone: VNIC, zonecfg, install, registry entry without status", async () => {
    env = await testEnv();
    const r = await env.run("create", "web1");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const text = (await env.files())["zones/web1.kdl"];
    expect(text).toContain('address "10.1.0.10/24"');
    expect(text).toContain('vnic "web1_0"');
    expect(text).not.toContain("status");
    const list = await env.json<{ name: string; state: string }[]>("list");
    expect(list.value).toEqual([
      expect.objectContaining({ name: "web1", state: "installed", vnics: ["web1_0"] }),
    ]);
    expect(env.commands).toContainEqual(["dladm", "create-vnic", "-l", "oinetint0", "web1_0"]);
    expect(env.commands).toContainEqual([
      "zoneadm",
      "-z",
      "web1",
      "install",
      "-P",
      "openindiana.org=https://pkg.openindiana.org/hipster",
    ]);
  });

  it("runs every step of a full template in order, the extra publisher through pkg -R", async () => {
    env = await fullEnv();
    const r = await env.json<{ steps: { id: string; status: string }[] }>(
      "create",
      "r1",
      "-t",
      "full",
    );
    expect(r.code).toBe(0);
    expect(r.value.steps.map((s) => `${s.id}:${s.status}`)).toEqual([
      "vnic:r1_0:done",
      "vnic:r1_1:done",
      "zonecfg:done",
      "install:done",
      "publisher:extra:done",
      "boot:done",
    ]);
    // recorded after the plan (not a step): the reservation's status is gone
    expect((await env.files())["zones/r1.kdl"]).not.toContain("status");
    expect(env.commands).toContainEqual([
      "pkg",
      "-R",
      "/zones/r1/root",
      "set-publisher",
      "-g",
      "https://pkg.example.org/extra",
      "extra",
    ]);
    expect((await env.json<{ state: string }[]>("list")).value[0]?.state).toBe("running");
  });

  const failures: [string, RegExp][] = [
    ["the first VNIC", /dladm create-vnic .*r1_0/],
    ["the second VNIC", /dladm create-vnic .*r1_1/],
    ["zonecfg", /zonecfg -z r1 -f/],
    ["install", /zoneadm -z r1 install/],
    ["the extra publisher", /pkg -R/],
    ["boot", /zoneadm -z r1 boot/],
  ];
  for (const [what, match] of failures) {
    it(`rolls back a failure at ${what}: host and registry byte-for-byte as before`, async () => {
      env = await fullEnv();
      const before = { files: await env.files(), host: env.hostState() };
      env.host.inject({
        match,
        exitCode: 1,
        stderr: "simulated failure\n",
        ...(what === "install" ? { leaveState: "incomplete" as const } : {}),
      });
      const r = await env.run("create", "r1", "-t", "full");
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("simulated failure");
      expect(r.stderr).toContain("zmgr::create::failed");
      expect(await env.files()).toEqual(before.files);
      expect(env.hostState()).toBe(before.host);
    });
  }

  it("--no-rollback leaves a failed reservation and prints the exact cleanup", async () => {
    env = await fullEnv();
    const before = { files: await env.files(), host: env.hostState() };
    env.host.inject({ match: /zoneadm -z r1 boot/, exitCode: 1, stderr: "boot failed\n" });
    const r = await env.run("create", "r1", "-t", "full", "--no-rollback");
    expect(r.code).toBe(1);
    const zoneFile = (await env.files())["zones/r1.kdl"];
    expect(zoneFile).toMatch(/status "failed"/);
    expect(r.stdout).toContain("zmgr destroy r1 --yes");
    expect(r.stdout).toContain("zoneadm -z r1 uninstall -F");
    expect(r.stdout).toContain("dladm delete-vnic r1_0");
    const status = await env.json<{ items: { kind: string }[] }>("status");
    expect(status.code).toBe(3);
    expect(status.value.items.map((i) => i.kind)).toContain("create-failed");
    expect((await env.run("destroy", "r1", "--yes")).code).toBe(0);
    expect(await env.files()).toEqual(before.files);
    expect(env.hostState()).toBe(before.host);
  });

  it("--dry-run prints addresses, VNICs, the zonecfg script and every command, and changes nothing", async () => {
    env = await fullEnv();
    const before = { files: await env.files(), host: env.hostState() };
    const r = await env.run("create", "r1", "-t", "full", "--dry-run");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("10.1.0.10/24");
    expect(r.stdout).toContain("203.0.113.10/24");
    expect(r.stdout).toContain('set allowed-address="10.1.0.10/24"');
    expect(r.stdout).toContain("dladm create-vnic -l pubstub0 r1_1");
    expect(r.stdout).toContain("zoneadm -z r1 boot");
    const j = await env.json<{
      dryRun: boolean;
      zonecfgScript: string;
      plan: { steps: { id: string }[] };
    }>("create", "r1", "-t", "full", "-n");
    expect(j.value.dryRun).toBe(true);
    expect(j.value.plan.steps.map((s) => s.id)).toContain("install");
    expect(await env.files()).toEqual(before.files);
    expect(env.hostState()).toBe(before.host);
  });

  it("gives a dual-stack net two net resources on one VNIC", async () => {
    env = await testEnv();
    await writeFile(
      join(env.root, "pools/internal6.kdl"),
      `pool "internal6" {\n  network "2001:db8:1::/64"\n  gateway "2001:db8:1::1"\n  stub "oinetint0"\n  range-start "2001:db8:1::10"\n  range-end "2001:db8:1::ff"\n}\n`,
    );
    await writeFile(
      join(env.root, "templates/dual.kdl"),
      `template "dual" {\n  brand "ipkg"\n  net "internal" { pool "internal" "internal6"; }\n}\n`,
    );
    const r = await env.run("create", "d1", "-t", "dual");
    expect(r.stderr).toBe("");
    const show = await env.json<{
      zonecfg: { nets: { physical: string; allowedAddress: string; defrouter: string }[] };
    }>("show", "d1");
    expect(show.value.zonecfg.nets).toEqual([
      expect.objectContaining({
        physical: "d1_0",
        allowedAddress: "10.1.0.10/24",
        defrouter: "10.1.0.1",
      }),
      expect.objectContaining({
        physical: "d1_0",
        allowedAddress: "2001:db8:1::10/64",
        defrouter: "2001:db8:1::1",
      }),
    ]);
  });

  it("honours --ip and --vnic", async () => {
    env = await testEnv();
    const r = await env.run(
      "create",
      "web1",
      "--ip",
      "internal=10.1.0.77",
      "--vnic",
      "internal=front7",
    );
    expect(r.code).toBe(0);
    const text = (await env.files())["zones/web1.kdl"];
    expect(text).toContain('"10.1.0.77/24"');
    expect(text).toContain('vnic "front7"');
  });

  it("never hands out an address a hand-made host zone uses", async () => {
    env = await testEnv();
    env.host.withZone({
      name: "manual",
      state: "installed",
      nets: [{ physical: "man0", allowedAddress: "10.1.0.10/24" }],
    });
    await env.run("create", "web1");
    expect((await env.files())["zones/web1.kdl"]).toContain('"10.1.0.11/24"');
  });

  it("gives two zones different addresses and refuses an address in use", async () => {
    env = await testEnv();
    await env.run("create", "a1");
    await env.run("create", "b1");
    const files = await env.files();
    expect(files["zones/a1.kdl"]).toContain("10.1.0.10/24");
    expect(files["zones/b1.kdl"]).toContain("10.1.0.11/24");
    const r = await env.run("create", "c1", "--ip", "internal=10.1.0.10");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr::pool::address_in_use");
  });

  const hostile: [string, string[]][] = [
    ["a zone name with ;", ["create", "web;reboot"]],
    ["a zone name with a quote", ["create", 'we"b']],
    ["a zone name with a newline", ["create", "web\nadd net"]],
    ["a zone name with $()", ["create", "$(reboot)"]],
    ["a template name with $()", ["create", "web1", "-t", "$(id)"]],
    ["a VNIC with ;", ["create", "web1", "--vnic", "internal=x0;rm"]],
    ["a VNIC with a quote", ["create", "web1", "--vnic", 'internal=x"0']],
    ["an address with a newline", ["create", "web1", "--ip", "internal=10.1.0.5\nset x=1"]],
    ["an address with $()", ["create", "web1", "--ip", "internal=$(id)"]],
  ];
  for (const [what, args] of hostile) {
    it(`refuses ${what} before any command runs`, async () => {
      env = await testEnv();
      const before = await env.files();
      env.commands.length = 0;
      const r = await env.run(...args);
      expect(r.code).toBe(1);
      expect(env.commands).toEqual([]);
      expect(await env.files()).toEqual(before);
    });
  }

  it("Ctrl-C stops after the running command and rolls back", async () => {
    env = await testEnv({
      wrap: (inner, e) => ({
        run: async (cmd, o) => {
          const result = await inner.run(cmd, o);
          if (cmd.file === "zoneadm" && cmd.args.includes("install")) e.interrupt();
          return result;
        },
      }),
    });
    const before = { files: await env.files(), host: env.hostState() };
    const r = await env.run("create", "web1");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr::create::interrupted");
    expect(await env.files()).toEqual(before.files);
    expect(env.hostState()).toBe(before.host);
  });

  it("refuses a zone that is already registered, naming the fix", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    const r = await env.json("create", "web1");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr)).toMatchObject({ error: { code: "zmgr::zone::exists" } });
  });
});

describe("zmgr create pre-flight report", () => {
  it("lists every problem, each with its code and help", async () => {
    env = await testEnv();
    const r = await env.run(
      "create",
      "bad1",
      "-t",
      "router",
      "--ip",
      "nope=10.1.0.5",
      "--vnic",
      "nada=x1",
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("template router has no net named nope");
    expect(r.stderr).toContain("template router has no net named nada");
    expect(r.stderr).toContain("[zmgr::create::unknown_net]");
  });

  it("refuses a template whose publisher does not exist, with validate's code, running nothing", async () => {
    env = await fullEnv();
    await writeFile(
      join(env.root, "templates/nopub.kdl"),
      `template "nopub" {\n  brand "ipkg"\n  net "internal" { pool "internal"; }\n  publisher "nosuch"\n}\n`,
    );
    const r = await env.json("create", "np1", "-t", "nopub");
    expect(r.code).toBe(1);
    const e = JSON.parse(r.stderr) as { error: { code: string; help: string } };
    expect(e.error.code).toBe("zmgr::reference::template_publisher");
    expect(e.error.help).toContain("zmgr publisher add nosuch --origin <url>");
    expect(r.stderr).not.toContain("unknown_publisher");
    expect(env.commands.map((c) => c.join(" ")).join("\n")).not.toMatch(/create-vnic|zonecfg/);
    expect((await env.files())["zones/np1.kdl"]).toBeUndefined();
  });

  it("refuses a template whose publisher file cannot be parsed, with that file's error", async () => {
    env = await fullEnv();
    await writeFile(join(env.root, "publishers/extra.kdl"), `publisher "extra" {\n`);
    const r = await env.json("create", "np2", "-t", "full");
    expect(r.code).toBe(1);
    const e = JSON.parse(r.stderr) as { error: { code: string; location?: { file: string } } };
    expect(e.error.code).toMatch(/^zmgr::/);
    expect(e.error.location?.file).toBe("publishers/extra.kdl");
    expect((await env.files())["zones/np2.kdl"]).toBeUndefined();
  });

  it("shows a source excerpt with a caret for a problem in a registry file", async () => {
    env = await testEnv();
    await writeFile(
      join(env.root, "templates/broken.kdl"),
      `template "broken" {\n  brand "ipkg"\n  net "internal" { pool "nosuch"; }\n}\n`,
    );
    const r = await env.run("create", "b1", "-t", "broken");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("templates/broken.kdl:3:");
    expect(r.stderr).toMatch(/3 \| {3}net "internal" \{ pool "nosuch"; \}\n.*\^/);
  });
});
