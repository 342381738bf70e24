import { afterEach, describe, expect, it } from "vitest";
import { type TestEnv, testEnv } from "../../test-support.js";

let env: TestEnv;
afterEach(async () => env?.cleanup());

async function threeZones(): Promise<TestEnv> {
  const e = await testEnv();
  // web1 .100, web2 .20, web9 .11: name order, text order and numeric order all differ.
  for (const [name, ip] of [
    ["web1", "10.1.0.100"],
    ["web2", "10.1.0.20"],
    ["web9", "10.1.0.11"],
  ]) {
    const r = await e.run("create", name as string, "--ip", `internal=${ip}`);
    expect(r.code, r.stderr).toBe(0);
  }
  await e.run("boot", "web1");
  await e.run("boot", "web9");
  e.host.withZone({ name: "odd", state: "running", zonepath: "/zones/a:b\\c" });
  return e;
}

describe("zmgr list -o/-s/--filter/-H/-p", () => {
  it("prints chosen columns, sorted by address, filtered, without header", async () => {
    env = await threeZones();
    const r = await env.run(
      "list",
      "-o",
      "name,addresses",
      "-s",
      "addresses",
      "--filter",
      "state=running",
      "-H",
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(["web9  10.1.0.11/24", "web1  10.1.0.100/24", "odd   -", ""].join("\n"));
  });

  it("prints the same as libofmt parsable fields, zonepaths with \\: and \\\\", async () => {
    env = await threeZones();
    const r = await env.run("list", "-p", "-o", "name,state,zonepath", "-s", "name");
    expect(r.stdout).toBe(
      [
        "odd:running:/zones/a\\:b\\\\c",
        "web1:running:/zones/web1",
        "web2:installed:/zones/web2",
        "web9:running:/zones/web9",
        "",
      ].join("\n"),
    );
    const one = await env.run("list", "-p", "-o", "zonepath", "--filter", "name=odd");
    expect(one.stdout).toBe("/zones/a:b\\c\n");
  });

  it("narrows --json with the same filters, and names columns in the header", async () => {
    env = await threeZones();
    const j = await env.json<{ name: string }[]>("list", "--filter", "addresses=10.1.0.1*");
    expect(j.value.map((z) => z.name)).toEqual(["web1", "web9"]);
    const h = await env.run("list", "-o", "name,pools,host,created", "--filter", "name=web2");
    expect(h.stdout).toBe(
      "NAME  POOLS     HOST      CREATED\nweb2  internal  testhost  2026-03-22\n",
    );
  });

  it("refuses an unknown column with exit 2 before any command runs", async () => {
    env = await testEnv();
    const before = env.commands.length;
    const r = await env.run("list", "-o", "name,colour");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown column "colour"');
    expect((await env.run("list", "-s", "size")).code).toBe(2);
    expect((await env.run("list", "-p")).code).toBe(2);
    expect(env.commands.length).toBe(before);
  });
});

describe("completion of list", () => {
  it("completes the column names after -o/--output and --filter", async () => {
    env = await testEnv();
    const o = await env.run("complete", "--", "list", "--output", "");
    for (const col of ["name", "addresses", "zonepath", "created"]) expect(o.stdout).toContain(col);
    const f = await env.run("complete", "--", "list", "--filter", "");
    expect(f.stdout).toContain("state=");
    const flags = await env.run("complete", "--", "list", "--");
    for (const flag of ["--output", "--sort", "--filter", "--omit-header", "--parsable"])
      expect(flags.stdout).toContain(flag);
  });

  it("knows the new verbs and completes zone names for them and for --clone", async () => {
    env = await testEnv();
    await env.run("create", "golden");
    const top = (await env.run("complete", "--", "")).stdout;
    for (const verb of ["net", "login", "console"]) expect(top).toContain(verb);
    expect((await env.run("complete", "--", "net", "")).stdout).toMatch(/add[\s\S]*remove/);
    expect((await env.run("complete", "--", "login", "")).stdout).toContain("golden");
    expect((await env.run("complete", "--", "net", "add", "")).stdout).toContain("golden");
    expect((await env.run("complete", "--", "create", "x", "--clone", "")).stdout).toContain(
      "golden",
    );
    expect(
      (await env.run("complete", "--", "net", "add", "golden", "n", "--pool", "")).stdout,
    ).toContain("internal");
  });
});
