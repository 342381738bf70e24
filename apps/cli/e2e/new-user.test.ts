import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, world, ZMGR } from "./helpers.js";

describe("zmgr as a new user runs it (built bin, zmgr-sim on PATH)", () => {
  it("init, create, list, destroy", async () => {
    const w = await world();
    const init = await w.zmgr("init");
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);

    const create = await w.zmgr("create", "web1");
    expect(create.stderr).toBe("");
    expect(create.code).toBe(0);
    expect(create.stdout).toContain("zone web1 created");
    expect(await readFile(join(w.registry, "zones/web1.kdl"), "utf8")).toContain('"10.1.0.10/24"');

    const list = await w.zmgr("list", "--json");
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({
        name: "web1",
        state: "installed",
        addresses: ["10.1.0.10/24"],
        vnics: ["web1_0"],
      }),
    ]);

    const refused = await w.zmgr("destroy", "web1");
    expect(refused.code).toBe(2);

    const destroy = await w.zmgr("destroy", "web1", "--yes");
    expect(destroy.code).toBe(0);
    expect(JSON.parse((await w.zmgr("list", "--json")).stdout)).toEqual([]);
    expect((await w.zmgr("status")).code).toBe(0);
  });

  it("gives concurrent creates distinct addresses", async () => {
    const w = await world();
    await w.zmgr("init");
    const names = ["c1", "c2", "c3", "c4", "c5"];
    const results = await Promise.all(names.map((n) => w.zmgr("create", n, "--json")));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const addresses = results.map((r) => JSON.parse(r.stdout).nets[0].addresses[0]);
    expect(new Set(addresses).size).toBe(names.length);
    const list = JSON.parse((await w.zmgr("list", "--json")).stdout) as { state: string }[];
    expect(list.map((z) => z.state)).toEqual(names.map(() => "installed"));
  });

  it("says it needs an illumos host when zoneadm is missing, and mentions --simulate", async () => {
    const w = await world();
    await w.zmgr("init");
    const r = await run(process.execPath, [ZMGR, "list"], { ...w.env, PATH: "/nonexistent" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--simulate");
  });

  it("--simulate works with no illumos commands at all", async () => {
    const w = await world();
    const env = {
      ...w.env,
      PATH: "/nonexistent",
      ZMGR_REGISTRY: "",
      ZMGR_SIM_STATE: "",
      XDG_STATE_HOME: join(w.dir, "state"),
    };
    const zmgr = (...a: string[]) => run(process.execPath, [ZMGR, "--simulate", ...a], env);
    expect((await zmgr("init")).code).toBe(0);
    const c = await zmgr("create", "sim1", "-t", "router");
    expect(c.stderr).toBe("");
    const list = JSON.parse((await zmgr("list", "--json")).stdout) as {
      name: string;
      state: string;
    }[];
    expect(list).toEqual([expect.objectContaining({ name: "sim1", state: "running" })]);
  });

  it("answers --version from package.json", async () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    const r = await run(process.execPath, [ZMGR, "--version"], {});
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });
});
