import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Registry } from "@zmgr/registry";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type TestEnv, testEnv } from "./test-support.js";

let env: TestEnv;
afterEach(async () => env?.cleanup());

describe("zmgr pool", () => {
  it("lists pools with size, used, free and utilisation", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    const r = await env.json<{ name: string; size: string; used: number; free: string }[]>(
      "pool",
      "list",
    );
    expect(r.value).toEqual([
      expect.objectContaining({ name: "internal", size: "241", used: 1, free: "240" }),
      expect.objectContaining({ name: "public", size: "3", used: 0, free: "3" }),
    ]);
    const show = await env.run("pool", "show", "internal");
    expect(show.stdout).toMatch(/10\.1\.0\.10\s+web1/);
  });

  it("creates a pool and refuses one that overlaps another", async () => {
    env = await testEnv();
    expect(
      (
        await env.run(
          "pool",
          "create",
          "dmz",
          "--network",
          "192.0.2.0/24",
          "--gateway",
          "192.0.2.1",
          "--stub",
          "oinetint0",
          "--range",
          "192.0.2.10-192.0.2.20",
        )
      ).code,
    ).toBe(0);
    expect((await env.files())["pools/dmz.kdl"]).toContain('range-start "192.0.2.10"');
    const r = await env.run(
      "pool",
      "create",
      "dmz2",
      "--network",
      "192.0.2.0/24",
      "--stub",
      "oinetint0",
      "--addresses",
      "192.0.2.15",
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr::pool::intersect");
    expect(r.stderr).toContain('"dmz"');
  });

  it("refuses a stub that is no link name, before writing anything", async () => {
    env = await testEnv();
    const before = await env.files();
    const r = await env.run(
      "pool",
      "create",
      "p9",
      "--network",
      "10.9.0.0/24",
      "--stub",
      "s0;touch x",
      "--range",
      "10.9.0.10-10.9.0.20",
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr::pool::invalid");
    expect(await env.files()).toEqual(before);
  });

  it("edits addresses in place, keeping comments", async () => {
    env = await testEnv();
    const path = join(env.root, "pools/public.kdl");
    await writeFile(
      path,
      `// hoster block, ticket 42\npool "public" {\n  network "203.0.113.0/24" // from the hoster\n  gateway "203.0.113.1"\n  stub "pubstub0"\n  addresses "203.0.113.10" "203.0.113.11"\n}\n`,
    );
    expect((await env.run("pool", "add-address", "public", "203.0.113.12")).code).toBe(0);
    const text = await readFile(path, "utf8");
    expect(text).toContain("// hoster block, ticket 42");
    expect(text).toContain("// from the hoster");
    expect(text).toContain('"203.0.113.12"');
  });

  it("refuses to add an address another pool hands out", async () => {
    env = await testEnv();
    const c = await env.run(
      "pool",
      "create",
      "hoster",
      "--network",
      "203.0.113.0/24",
      "--stub",
      "pubstub0",
      "--addresses",
      "203.0.113.20",
    );
    expect(c.code, c.stderr).toBe(0);
    const r = await env.run("pool", "add-address", "hoster", "203.0.113.11");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zmgr::pool::intersect");
    expect(r.stderr).toContain('"public"');
    expect((await env.files())["pools/hoster.kdl"]).not.toContain("203.0.113.11");
  });

  it("refuses to remove an address or a pool in use", async () => {
    env = await testEnv();
    await env.run("create", "r1", "-t", "router");
    const a = await env.run("pool", "remove-address", "public", "203.0.113.10");
    expect(a.code).toBe(1);
    expect(a.stderr).toContain("zone r1");
    const p = await env.run("pool", "remove", "public");
    expect(p.code).toBe(1);
    expect(p.stderr).toContain("zmgr::pool::in_use");
    expect((await env.run("pool", "remove-address", "public", "203.0.113.12")).code).toBe(0);
  });
});

describe("zmgr template", () => {
  it("creates, lists and removes a template; refuses to remove one in use", async () => {
    env = await testEnv();
    const c = await env.run(
      "template",
      "create",
      "web",
      "--brand",
      "lipkg",
      "--autoboot",
      "--net",
      "internal=internal",
    );
    expect(c.code).toBe(0);
    const list = await env.json<{ name: string; autoboot: boolean }[]>("template", "list");
    expect(list.value.map((t) => t.name)).toEqual(["ofl", "oi", "router", "web"]);
    await env.run("create", "w1", "-t", "web", "--no-boot");
    const r = await env.run("template", "remove", "web");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zone w1");
    expect((await env.run("template", "remove", "ofl")).code).toBe(0);
  });

  it("refuses a hostile net name", async () => {
    env = await testEnv();
    const r = await env.run("template", "create", "x", "--brand", "ipkg", "--net", 'a"b=internal');
    expect(r.code).toBe(1);
    expect(Object.keys(await env.files())).not.toContain("templates/x.kdl");
  });

  it("refuses an unknown pool through validate's edit rules, and a bhyve brand", async () => {
    env = await testEnv();
    const r = await env.run("template", "create", "x", "--brand", "ipkg", "--net", "a=nosuch");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error[zmgr::reference::template_pool]: template x: template "x" net "a" uses pool "nosuch", which does not exist',
    );
    expect(Object.keys(await env.files())).not.toContain("templates/x.kdl");
    expect(
      (await env.run("template", "create", "x", "--brand", "bhyve", "--net", "a=internal")).code,
    ).toBe(1);
  });
});

describe("zmgr publisher", () => {
  it("adds, lists and removes; refuses one a template uses", async () => {
    env = await testEnv();
    expect(
      (await env.run("publisher", "add", "extra", "--origin", "https://pkg.example.org/")).code,
    ).toBe(0);
    expect(
      (await env.json<{ name: string }[]>("publisher", "list")).value.map((p) => p.name),
    ).toEqual(["extra", "openindiana.org"]);
    expect((await env.run("publisher", "add", "bad", "--origin", "ftp://x")).code).toBe(1);
    expect((await env.run("publisher", "remove", "openindiana.org")).stderr).toContain(
      "template oi",
    );
    expect((await env.run("publisher", "remove", "extra")).code).toBe(0);
  });
});

describe("zmgr fmt", () => {
  it("upgrades a KDL v1 file, keeping comments; --check exits 1 before and 0 after", async () => {
    env = await testEnv();
    await writeFile(
      join(env.root, "publishers/old.kdl"),
      `// legacy\npublisher "old" {\n  origin r"https://pkg.example.org/old"\n}\n`,
    );
    expect((await env.run("fmt", "--check")).code).toBe(1);
    const r = await env.run("fmt");
    expect(r.code).toBe(0);
    const text = (await env.files())["publishers/old.kdl"];
    expect(text).toContain("// legacy");
    expect(text).not.toContain('r"');
    expect((await env.run("fmt", "--check")).code).toBe(0);
  });

  it("writes through the Registry (storage interface, compare-and-swap on the version read)", async () => {
    env = await testEnv();
    await writeFile(
      join(env.root, "publishers/old.kdl"),
      `publisher "old" {\n    origin "https://pkg.example.org/old"\n}\n`,
    );
    const putText = vi.spyOn(Registry.prototype, "putText");
    try {
      expect((await env.run("fmt")).code).toBe(0);
      expect(
        putText.mock.calls.map(([kind, name, , previous]) => [kind, name, previous?.path]),
      ).toEqual([["publisher", "old", "publishers/old.kdl"]]);
    } finally {
      putText.mockRestore();
    }
    expect((await env.files())["publishers/old.kdl"]).toBe(
      `publisher "old" {\n  origin "https://pkg.example.org/old"\n}\n`,
    );
  });

  it("skips a file whose name the registry would refuse to write, formatting the rest", async () => {
    env = await testEnv();
    await writeFile(
      join(env.root, "publishers/-bad.kdl"),
      `publisher "-bad" {\n    origin "https://x.example/"\n}\n`,
    );
    const r = await env.run("fmt");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("publishers/-bad.kdl: skipped");
  });
});

describe("zmgr validate", () => {
  it("reports an error with file:line:column and exits 1", async () => {
    env = await testEnv();
    await writeFile(
      join(env.root, "pools/bad.kdl"),
      `pool "bad" {\n  network "10.9.0.0/24"\n  gateway "10.8.0.1"\n  stub "oinetint0"\n  range-start "10.9.0.10"\n  range-end "10.9.0.20"\n}\n`,
    );
    const r = await env.run("validate");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("pools/bad.kdl:3:");
    // one summary line (renderHuman's), not a second one from the command
    const summaries = (r.stdout + r.stderr)
      .split("\n")
      .filter((l) => /\berrors?\b.*\bwarnings?\b/.test(l));
    expect(summaries).toEqual(["1 error, 0 warnings"]);
    const j = await env.run("validate", "--json");
    expect(j.code).toBe(1);
    expect(JSON.stringify(JSON.parse(j.stdout))).toContain("pools/bad.kdl");
  });
});

describe("zmgr import", () => {
  it("lists candidates and exits 2 without names or --all, then imports", async () => {
    env = await testEnv();
    env.host.withZone({
      name: "manual",
      brand: "ipkg",
      state: "installed",
      nets: [{ physical: "manual0", allowedAddress: "10.1.0.40/24" }],
    });
    const list = await env.run("import");
    expect(list.code).toBe(2);
    expect(list.stdout).toContain("manual");
    const r = await env.run("import", "manual");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect((await env.files())["zones/manual.kdl"]).toContain("10.1.0.40/24");
    expect((await env.run("create", "web1")).code).toBe(0);
    expect((await env.files())["zones/web1.kdl"]).toContain("10.1.0.10/24");
  });
  it("exits 1 when Ctrl-C stops an import part-way", async () => {
    env = await testEnv({
      wrap: (inner, e) => ({
        run: async (cmd, o) => {
          const result = await inner.run(cmd, o);
          // Ctrl-C once the zone configurations are read (the zone files, in one tar)
          if (cmd.file.endsWith("/tar")) e.interrupt();
          return result;
        },
      }),
    });
    env.host.withZone({
      name: "manual",
      brand: "ipkg",
      state: "installed",
      nets: [{ physical: "manual0", allowedAddress: "10.1.0.40/24" }],
    });
    const r = await env.run("import", "manual");
    expect(r.code).toBe(1);
    expect((await env.files())["zones/manual.kdl"]).toBeUndefined();
  });
});

describe("zmgr completion", () => {
  it("prints a script for bash, zsh and fish and refuses others", async () => {
    env = await testEnv();
    for (const shell of ["bash", "zsh", "fish"]) {
      const r = await env.run("completion", shell);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("zmgr");
    }
    expect((await env.run("completion", "tcsh")).code).toBe(2);
  });

  it("completes zone, template and pool names from the registry", async () => {
    env = await testEnv();
    await env.run("create", "web1");
    expect((await env.run("complete", "--", "destroy", "")).stdout).toContain("web1");
    expect((await env.run("complete", "--", "create", "x", "--template", "")).stdout).toContain(
      "router",
    );
    expect((await env.run("complete", "--", "pool", "show", "")).stdout).toContain("internal");
    // the registry named in the words being completed wins
    const other = await env.run("complete", "--", "--registry", "/nonexistent", "destroy", "");
    expect(other.stdout).not.toContain("web1");
  });
});
