import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "../../test-support.js";

let env: TestEnv;
afterEach(async () => env?.cleanup());

describe("zmgr init", () => {
  it("writes the starter registry and validates clean", async () => {
    env = await testEnv({ init: false });
    const r = await env.run("init");
    expect(r.code).toBe(0);
    expect(Object.keys(await env.files()).sort()).toEqual([
      "config.kdl",
      "pools/internal.kdl",
      "pools/public.kdl",
      "publishers/openindiana.org.kdl",
      "templates/ofl.kdl",
      "templates/oi.kdl",
      "templates/router.kdl",
    ]);
    const v = await env.run("validate");
    expect(v.stdout + v.stderr).not.toContain("error");
    expect(v.code).toBe(0);
  });

  it("--dry-run writes nothing, not even the directory", async () => {
    env = await testEnv({ init: false });
    env.deps.env = { ZMGR_REGISTRY: `${env.root}/fresh` };
    const r = await env.runBare("init", "--dry-run");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("would create");
    expect(await env.files()).toEqual({});
  });

  it("refuses to overwrite without --force", async () => {
    env = await testEnv();
    const r = await env.run("init");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--force");
    expect((await env.run("init", "--force")).code).toBe(0);
  });

  it("prints dladm create-etherstub for stubs the host lacks", async () => {
    const { SimHost } = await import("@zmgr/illumos-sim");
    const host = SimHost.fromJSON(JSON.parse(JSON.stringify(SimHost.fresh().toJSON())));
    env = await testEnv({ init: false, host });
    env.host.run({ file: "dladm", args: ["delete-etherstub", "pubstub0"] });
    const r = await env.run("init");
    expect(r.stdout).toContain("dladm create-etherstub pubstub0");
    expect(r.stdout).not.toContain("dladm create-etherstub oinetint0");
  });
});
