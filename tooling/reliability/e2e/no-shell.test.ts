// Hostile values through the real processes: names and flags with shell syntax are refused before
// anything runs; values that do reach a system command arrive as exactly one argv element (shown
// by PATH shims that record argv), or inside a quoted zonecfg value, and are never interpreted:
// the file that `touch` would create never appears.
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type World, world } from "./helpers.js";
import { shellInjections } from "./hostile.js";

const kdl = (s: string) => JSON.stringify(s);

function expectCleanRefusal(r: { code: number; stderr: string }, what: string): void {
  expect(r.code, `${what}: ${r.stderr}`).not.toBe(0);
  expect(r.stderr, what).toMatch(/error(\[zmgr::[a-z_]+::[a-z_]+\])?:/);
  expect(r.stderr, what).not.toContain("unexpected error");
}

/** Commands that changed the host (reads are fine: they prove nothing ran on a refusal). */
async function mutatingArgvs(w: World): Promise<string[][]> {
  return (await w.argvs()).filter(
    (a) => !(a[1] === "list" || a[1]?.startsWith("show-") || a.includes("info")),
  );
}

describe("no shell anywhere (built zmgr, argv-recording shims on PATH)", () => {
  it("names and flag values with shell syntax are refused before anything runs", async () => {
    const w = await world({ record: true });
    const marker = join(w.dir, "pwned");
    // One value carrying every form: $(), ;, backticks, |, &&, quotes, a newline.
    const v = shellInjections(marker).join("");
    const attempts: string[][] = [
      ["create", v],
      ["create", "ok1", "-t", v],
      ["create", "ok1", "--ip", `internal=${v}`],
      ["create", "ok1", "--vnic", `internal=${v}`],
      ["destroy", v, "--yes"],
      ["boot", v],
      ["template", "create", v, "--brand", "ipkg", "--net", "internal=internal"],
      ["publisher", "add", "p9", "--origin", v],
    ];
    for (const args of attempts) {
      expectCleanRefusal(await w.zmgr(...args), args.slice(0, 2).join(" "));
      expect(existsSync(marker)).toBe(false);
    }
    // import of an unknown name is a skip, not an error: it says so and adopts nothing.
    const imp = await w.zmgr("import", v);
    expect(imp.stdout).toContain("skipped");
    expect(imp.stdout).toContain("Nothing imported");
    expect(existsSync(marker)).toBe(false);

    expect(await mutatingArgvs(w)).toEqual([]);
    expect((await w.sim()).zones).toEqual([]);
  }, 300_000);

  it("install-args with shell syntax reach zoneadm as one argv element each", async () => {
    const w = await world({ record: true });
    const marker = join(w.dir, "pwned");
    const inj = shellInjections(marker);
    await writeFile(
      join(w.registry, "templates/evil.kdl"),
      [
        'template "evil" {',
        '  brand "ipkg"',
        '  net "internal" { pool "internal"; }',
        '  publisher "openindiana.org"',
        `  install-args ${inj.map(kdl).join(" ")}`,
        "}",
        "",
      ].join("\n"),
    );
    const host = await w.hostState();
    const files = await w.files();
    const r = await w.zmgr("create", "evil1", "-t", "evil");
    expect(existsSync(marker)).toBe(false);
    const install = (await w.argvs()).find((a) => a[0] === "zoneadm" && a.includes("install"));
    expect(install).toEqual([
      "zoneadm",
      "-z",
      "evil1",
      "install",
      "-P",
      "openindiana.org=https://pkg.openindiana.org/hipster",
      ...inj,
    ]);
    // The ipkg installer rejects options it does not know (as the real one does): a clean
    // failure, rolled back; with a brand that passes them through, the create succeeds.
    if (r.code !== 0) {
      expectCleanRefusal(r, "install with hostile install-args");
      expect(r.stdout).toContain("rolled back");
      expect(await w.hostState()).toBe(host);
      expect(await w.files()).toEqual(files);
    }
  }, 300_000);

  it("values that reach a command are one argv element or one quoted zonecfg value", async () => {
    const w = await world({ record: true });
    const marker = join(w.dir, "pwned");
    const inj = shellInjections(marker);
    // One attr per injection: zonecfg caps a string attr at 255 characters, and the marker's path
    // (inside the run's temp root) is long.
    const attrValues = inj.filter((s) => !s.includes('"') && !s.includes("\n"));
    await writeFile(
      join(w.registry, "publishers/extra.kdl"),
      `publisher "extra" {\n  origin ${kdl(`https://pkg.example.org/$(touch ${marker})`)}\n}\n`,
    );
    await writeFile(
      join(w.registry, "templates/evil.kdl"),
      [
        'template "evil" {',
        '  brand "ipkg"',
        '  net "internal" { pool "internal"; }',
        '  publisher "openindiana.org"',
        '  publisher "extra"',
        ...attrValues.map((v, i) => `  attr "note${i}" ${kdl(v)}`),
        "}",
        "",
      ].join("\n"),
    );
    await writeFile(
      join(w.registry, "config.kdl"),
      `zonepath-prefix ${kdl(`/zones/$(touch ${marker})`)}\ndefault-template "oi"\n`,
    );

    const r = await w.zmgr("create", "evil1", "-t", "evil");
    expect(existsSync(marker)).toBe(false);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const argvs = await w.argvs();
    const zonepath = `/zones/$(touch ${marker})/evil1`;
    const pkg = argvs.find((a) => a[0] === "pkg");
    expect(pkg).toEqual([
      "pkg",
      "-R",
      `${zonepath}/root`,
      "set-publisher",
      "-g",
      `https://pkg.example.org/$(touch ${marker})`,
      "extra",
    ]);

    const zone = (await w.sim()).zones.find((z) => z.name === "evil1");
    expect(zone?.zonepath).toBe(zonepath);
    const attrs = zone?.resources.filter((x) => x.type === "attr").map((x) => x.props);
    expect(attrs).toEqual(
      attrValues.map((value, i) => expect.objectContaining({ name: `note${i}`, value })),
    );

    // And a value zonecfg cannot quote (a double quote, a newline) is refused before anything runs.
    await writeFile(
      join(w.registry, "templates/quote.kdl"),
      `template "quote" {\n  brand "ipkg"\n  net "internal" { pool "internal"; }\n  attr "note" ${kdl('x"; add fs; "')}\n}\n`,
    );
    const before = (await mutatingArgvs(w)).length;
    expectCleanRefusal(await w.zmgr("create", "quote1", "-t", "quote"), "attr with a quote");
    expect((await mutatingArgvs(w)).length).toBe(before);
    expect(existsSync(marker)).toBe(false);
  }, 300_000);

  // Was (@zmgr/validate): no link-name rule for a pool's `stub`, so a hand-edited pool file with
  // `stub "s0;touch …"` was called valid, and create's pre-flight help then suggested the
  // unquoted shell command `dladm create-etherstub <that string>`. Now `validate` refuses it as
  // `zmgr::pool::invalid_stub` at the stub value, and no help line carries the raw stub.
  it("regression (@zmgr/validate pool stub): a pool file whose stub is no valid link name is refused", async () => {
    const w = await world({ record: true });
    const marker = join(w.dir, "pwned");
    const stub = `s0;touch ${marker}`;
    const r = await w.zmgr(
      "pool",
      "create",
      "p9",
      "--network",
      "10.9.0.0/24",
      "--stub",
      stub,
      "--range",
      "10.9.0.10-10.9.0.20",
    );
    expectCleanRefusal(r, "pool create with a stub that is no link name");
    await writeFile(
      join(w.registry, "pools/p8.kdl"),
      `pool "p8" {\n  network "10.8.0.0/24"\n  stub ${kdl(stub)}\n  range-start "10.8.0.10"\n  range-end "10.8.0.20"\n}\n`,
    );
    const v = await w.zmgr("validate", "--no-host");
    expect(existsSync(marker)).toBe(false);
    expect(v.code, v.stdout).toBe(1);
    expect(v.stdout + v.stderr).toContain("zmgr::pool::invalid_stub");
    expect(v.stdout + v.stderr).toMatch(/pools\/p8\.kdl:3:8/);
    expect(
      (v.stdout + v.stderr).split("\n").filter((l) => /help/.test(l) && l.includes("touch")),
    ).toEqual([]);
  }, 300_000);
});
