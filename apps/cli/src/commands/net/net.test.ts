import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "../../test-support.js";

let env: TestEnv;
afterEach(async () => env?.cleanup());

const zoneFile = (e: TestEnv, z: string) => readFile(join(e.root, `zones/${z}.kdl`), "utf8");
const V6_POOL = [
  "pool",
  "create",
  "public-v6",
  "--network",
  "2001:db8:1::/64",
  "--gateway",
  "2001:db8:1::1",
  "--stub",
  "pubstub0",
  "--range",
  "2001:db8:1::10-2001:db8:1::ff",
];

describe("zmgr net add", () => {
  it("adds a VNIC and one net resource to an installed zone and records the net", async () => {
    env = await testEnv();
    expect((await env.run("create", "web1")).code).toBe(0);
    const start = env.commands.length;
    const r = await env.run("net", "add", "web1", "public", "--pool", "public");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("net public: 203.0.113.10/24 on VNIC web1_1 over pubstub0");
    expect(r.stdout).toContain("the net is used when web1 boots");
    const ran = env.commands
      .slice(start)
      .filter((c) => !["list", "show-link", "show-vnic", "info"].some((q) => c.includes(q)));
    expect(ran.map((c) => c.slice(0, 3))).toEqual([
      ["dladm", "create-vnic", "-l"],
      ["zonecfg", "-z", "web1"],
    ]);
    const doc = await zoneFile(env, "web1");
    expect(doc).toContain(
      'net "public" { address "203.0.113.10/24"; gateway "203.0.113.1"; vnic "web1_1"; stub "pubstub0"; pool "public"; }',
    );
    expect(doc).not.toContain("status");
    const info = env.host.run({ file: "zonecfg", args: ["-z", "web1", "info", "net"] }).stdout;
    expect(info).toContain("allowed-address: 203.0.113.10/24");
  });

  it("says a running zone picks the net up at next boot, or reboots it with --reboot", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    await env.run("boot", "web1");
    const r = await env.run("net", "add", "web1", "public", "--pool", "public");
    expect(r.stdout).toContain("zonecfg changes apply at the next boot of web1");
    const j = await env.json<{ rebooted: boolean; appliesAtNextBoot: boolean }>(
      "net",
      "add",
      "web1",
      "more",
      "--pool",
      "public",
      "--reboot",
    );
    expect(j.value).toMatchObject({ rebooted: true, appliesAtNextBoot: false });
    expect(env.commands.some((c) => c.join(" ") === "zoneadm -z web1 reboot")).toBe(true);
  });

  it("dual stack: two pools give two net resources on one VNIC", async () => {
    env = await testEnv();
    expect((await env.run(...V6_POOL)).code).toBe(0);
    await env.run("create", "web1");
    const r = await env.run("net", "add", "web1", "public", "--pool", "public,public-v6");
    expect(r.code, r.stderr).toBe(0);
    const info = env.host.run({
      file: "zonecfg",
      args: ["-z", "web1", "info", "net", "physical=web1_1"],
    }).stdout;
    expect(info.match(/^net:/gm)?.length).toBe(2);
    expect(info).toContain("allowed-address: 2001:db8:1::10/64");
    expect(await zoneFile(env, "web1")).toContain('address "203.0.113.10/24" "2001:db8:1::10/64"');
  });

  it("rolls back when zonecfg fails: no VNIC, no address, document unchanged", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    const before = await zoneFile(env, "web1");
    const host = env.hostState();
    env.host.inject({
      match: "zonecfg -z web1 -f",
      exitCode: 1,
      stderr: "On line 1:\nzonecfg: boom\n",
    });
    const r = await env.run("net", "add", "web1", "public", "--pool", "public");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("rolled back");
    expect(await zoneFile(env, "web1")).toBe(before);
    expect(env.hostState()).toBe(host);
    // the address was not kept: the next add gets it
    const again = await env.json<{ net: { addresses: string[] } }>(
      "net",
      "add",
      "web1",
      "public",
      "--pool",
      "public",
    );
    expect(again.value.net.addresses).toEqual(["203.0.113.10/24"]);
  });

  it("refuses an existing net, an unknown zone or pool before anything runs", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    const n = env.commands.length;
    expect(
      (await env.run("net", "add", "web1", "internal", "--pool", "internal")).stderr,
    ).toContain("already has a net named internal");
    expect((await env.run("net", "add", "nope", "x", "--pool", "internal")).stderr).toContain(
      "not in the registry",
    );
    expect((await env.run("net", "add", "web1", "x", "--pool", "nopool")).stderr).toContain(
      "pool nopool not found",
    );
    const mutating = env.commands
      .slice(n)
      .filter((c) => ["create-vnic", "-f", "reboot"].some((w) => c.includes(w)));
    expect(mutating).toEqual([]);
  });

  it("dry run prints the plan and changes nothing", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    const before = await env.files();
    const r = await env.run("net", "add", "web1", "public", "--pool", "public", "--dry-run");
    expect(r.stdout).toContain("dladm create-vnic -l pubstub0 web1_1");
    expect(r.stdout).toContain('set allowed-address="203.0.113.10/24"');
    expect(await env.files()).toEqual(before);
  });
});

describe("zmgr net remove", () => {
  it("refuses a running zone without --reboot, before anything runs", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    await env.run("net", "add", "web1", "public", "--pool", "public");
    await env.run("boot", "web1");
    const r = await env.run("net", "remove", "web1", "public");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr::net::zone_running");
  });

  it("removes each resource by physical and address, the VNIC, then frees the addresses", async () => {
    env = await testEnv();
    await env.run(...V6_POOL);
    await env.run("create", "web1");
    await env.run("net", "add", "web1", "public", "--pool", "public,public-v6");
    await env.run("boot", "web1");
    const r = await env.run("net", "remove", "web1", "public", "--reboot");
    expect(r.code, r.stderr).toBe(0);
    const ran = env.commands.map((c) => c.join(" "));
    const tail = ran.slice(ran.lastIndexOf("zoneadm -z web1 halt"));
    expect(
      tail
        .filter((c) => /halt|zonecfg -z web1 -f|delete-vnic|boot/.test(c))
        .map((c) => c.replace(/-f \S+/, "-f <file>")),
    ).toEqual([
      "zoneadm -z web1 halt",
      "zonecfg -z web1 -f <file>",
      "dladm delete-vnic web1_1",
      "zoneadm -z web1 boot",
    ]);
    expect(env.host.link("web1_1")).toBeUndefined();
    expect(env.host.zone("web1")?.state).toBe("running");
    expect(await zoneFile(env, "web1")).not.toContain("public");
    await env.run("create", "web2", "-t", "router");
    expect(await zoneFile(env, "web2")).toContain("203.0.113.10/24");
  });
});

describe("an interrupted net add", () => {
  it("shows in status with the command that cleans it up", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    const path = join(env.root, "zones/web1.kdl");
    const text = await readFile(path, "utf8");
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      path,
      text.replace(
        /\n {2}created/,
        '\n  net "public" { address "203.0.113.10/24"; vnic "web1_1"; stub "pubstub0"; pool "public"; status "adding" txn="x" pid=999999 host="testhost"; }\n  created',
      ),
    );
    const r = await env.json<{ items: { kind: string; cleanup?: string[] }[] }>("status");
    expect(r.code).toBe(3);
    expect(r.value.items).toEqual([
      expect.objectContaining({
        kind: "net-add-interrupted",
        cleanup: ["zmgr net remove web1 public"],
      }),
    ]);
    // its address stays held until then
    const next = await env.json<{ net: { addresses: string[] } }>(
      "net",
      "add",
      "web1",
      "other",
      "--pool",
      "public",
    );
    expect(next.value.net.addresses).toEqual(["203.0.113.11/24"]);
    expect((await env.run("net", "remove", "web1", "public")).code).toBe(0);
    expect((await env.json<{ items: unknown[] }>("status")).value.items).toEqual([]);
  });

  it("written on another machine, is reported as such and keeps its address", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    const path = join(env.root, "zones/web1.kdl");
    const text = await readFile(path, "utf8");
    const { writeFile } = await import("node:fs/promises");
    // pid 999999 is gone here, but the add runs on gz9: this machine cannot judge it
    await writeFile(
      path,
      text.replace(
        /\n {2}created/,
        '\n  net "public" { address "203.0.113.10/24"; vnic "web1_1"; stub "pubstub0"; pool "public"; status "adding" txn="x" pid=999999 host="gz9" host-id="another-machine"; }\n  created',
      ),
    );
    const r = await env.json<{ items: { kind: string; message: string }[] }>("status");
    expect(r.code).toBe(3);
    expect(r.value.items).toEqual([
      expect.objectContaining({
        kind: "net-add-elsewhere",
        message: expect.stringContaining("being added by gz9 (pid 999999)"),
      }),
    ]);
    const next = await env.json<{ net: { addresses: string[] } }>(
      "net",
      "add",
      "web1",
      "other",
      "--pool",
      "public",
    );
    expect(next.value.net.addresses).toEqual(["203.0.113.11/24"]);
  });
});
