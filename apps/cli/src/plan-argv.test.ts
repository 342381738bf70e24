import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "./test-support.js";

// Expected argv written by hand from /work/shared/illumos/COMMANDS.md (zoneadm -z <zone> <sub>,
// dladm create-vnic -l <over> <name>, zonecfg -z <zone> -f <file>, zlogin [-C] <zone>), never
// from illumosCommands, which builds the plans' argv.

let env: TestEnv;
afterEach(async () => env?.cleanup());

interface DryPlan {
  plan: { steps: { id: string; commands: string[][] }[] };
}

describe("dry-run plans show the argv the commands run", () => {
  it("create: VNIC, zonecfg with the script as a file, install with the first publisher", async () => {
    env = await testEnv();
    const r = await env.json<DryPlan>("create", "web1", "--dry-run");
    expect(r.code, r.stderr).toBe(0);
    expect(r.value.plan.steps.map((s) => s.commands)).toEqual([
      [["dladm", "create-vnic", "-l", "oinetint0", "web1_0"]],
      [["zonecfg", "-z", "web1", "-f", "<script>"]],
      [
        [
          "zoneadm",
          "-z",
          "web1",
          "install",
          "-P",
          "openindiana.org=https://pkg.openindiana.org/hipster",
        ],
      ],
    ]);
  });

  it("destroy of an installed zone: uninstall -F, delete -F, delete-vnic", async () => {
    env = await testEnv();
    expect((await env.run("create", "web1")).code).toBe(0);
    const r = await env.json<DryPlan>("destroy", "web1", "--dry-run", "--yes");
    expect(r.code, r.stderr).toBe(0);
    expect(r.value.plan.steps.flatMap((s) => s.commands)).toEqual([
      ["zoneadm", "-z", "web1", "uninstall", "-F"],
      ["zonecfg", "-z", "web1", "delete", "-F"],
      ["dladm", "delete-vnic", "web1_0"],
    ]);
  });

  it("boot and halt print zoneadm -z <zone> boot|halt", async () => {
    env = await testEnv();
    expect((await env.run("create", "web1")).code).toBe(0);
    const boot = await env.json<{ command: string[] }>("boot", "web1", "--dry-run");
    expect(boot.value.command).toEqual(["zoneadm", "-z", "web1", "boot"]);
    expect((await env.run("halt", "web1", "--dry-run")).stdout).toBe(
      "dry run: zoneadm -z web1 halt\n",
    );
  });

  it("login passes the command to zlogin as one quoted argument", async () => {
    env = await testEnv();
    expect((await env.run("login", "web1", "--dry-run", "--", "echo", "a b")).stdout).toBe(
      "zlogin web1 'echo '\\''a b'\\'''\n",
    );
  });
});
