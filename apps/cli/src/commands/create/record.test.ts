import type { Executor } from "@zmgr/illumos-exec";
import { Registry } from "@zmgr/registry";
import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "../../test-support.js";

let env: TestEnv;
let releaseOther: (() => void) | undefined;
afterEach(async () => {
  releaseOther?.();
  releaseOther = undefined;
  await env?.cleanup();
});

/**
 * An executor that, right after the command matching `when` ran, has another process
 * (another Registry, pid 777) take the registry lock and keep it until the test releases it.
 */
function holdLockAfter(when: (argv: string) => boolean) {
  return (inner: Executor, e: TestEnv): Executor => ({
    run: async (cmd, o) => {
      const result = await inner.run(cmd, o);
      if (when([cmd.file, ...cmd.args].join(" ")) && !releaseOther) {
        const other = Registry.open(e.root, {
          host: "otherhost",
          hostId: "other-machine",
          pid: 777,
        });
        await new Promise<void>((acquired) => {
          void other.withLock(
            () =>
              new Promise<void>((release) => {
                releaseOther = release;
                acquired();
              }),
            { timeoutMs: 5000 },
          );
        });
      }
      return result;
    },
  });
}

describe("a create whose final registry write fails", () => {
  it("leaves the installed zone and its reservation, and names the one command that finishes", async () => {
    env = await testEnv({ wrap: holdLockAfter((a) => a.startsWith("zoneadm -z web1 install")) });
    const r = await env.run("create", "web1", "--lock-timeout", "0.3");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr::create::unrecorded");
    expect(r.stdout).toContain("zone web1 is installed on the host");
    expect(r.stdout).toContain("zmgr create web1 --finish");
    // nothing undone: the zone is on the host, its document still holds its address reserved
    expect(env.commands.map((c) => c.join(" "))).not.toContain("zoneadm -z web1 uninstall -F");
    expect(env.hostState()).toContain('"web1"');
    const doc = (await env.files())["zones/web1.kdl"] ?? "";
    expect(doc).toContain('status "creating"');
    expect(doc).toContain('"10.1.0.10/24"');

    // while that create's process is alive, --finish refuses; once it is gone, it records
    releaseOther?.();
    const busy = await env.run("create", "web1", "--finish");
    expect(busy.stderr).toContain("zmgr::destroy::create_running");
    env.deps.isAlive = () => false;
    const done = await env.run("create", "web1", "--finish");
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain("zone web1 recorded");
    const after = (await env.files())["zones/web1.kdl"] ?? "";
    expect(after).not.toContain("status");
    expect(after).toContain('"10.1.0.10/24"');
    // and repeating it changes nothing
    expect((await env.run("create", "web1", "--finish")).stdout).toContain("already recorded");
  }, 60_000);

  it("--finish refuses a zone whose install did not finish", async () => {
    env = await testEnv();
    env.host.inject({ match: "zoneadm -z web1 install", exitCode: 1, stderr: "no space\n" });
    expect((await env.run("create", "web1", "--no-rollback")).code).toBe(1);
    env.deps.isAlive = () => false;
    const r = await env.run("create", "web1", "--finish");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr::create::cannot_finish");
    expect(r.stderr).toContain("zmgr destroy web1 --yes");
  }, 60_000);
});

describe("a create whose markFailed throws", () => {
  it("still prints the failure report and the cleanup, then the markFailed failure", async () => {
    env = await testEnv({ wrap: holdLockAfter((a) => a.startsWith("zoneadm -z web1 install")) });
    env.host.inject({ match: "zoneadm -z web1 install", exitCode: 1, stderr: "no space\n" });
    const r = await env.run("create", "web1", "--no-rollback", "--lock-timeout", "0.3");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("failed: install zone web1");
    expect(r.stdout).toContain("zmgr destroy web1 --yes");
    expect(r.stdout).toContain("zonecfg -z web1 delete -F");
    expect(r.stdout).toMatch(/could not mark.*zones\/web1\.kdl failed: .*otherhost/);
    expect(r.stderr).toContain("zmgr::create::failed");
  }, 60_000);
});
