import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { world } from "./helpers.js";

describe("list for scripts (built bin, zmgr-sim on PATH)", () => {
  it("-o/-s/--filter/-H and -p against hand-written output, zonepaths needing \\:", async () => {
    const w = await world();
    expect((await w.zmgr("init")).code).toBe(0);
    // A zonepath prefix with a colon and a backslash: libofmt escapes both in -p output.
    const config = join(w.registry, "config.kdl");
    const text = await readFile(config, "utf8");
    await writeFile(
      config,
      text.replace(/zonepath-prefix "[^"]*"/, 'zonepath-prefix "/zones/a:b\\\\c"'),
    );
    for (const [name, ip] of [
      ["web1", "10.1.0.100"],
      ["web2", "10.1.0.20"],
      ["web9", "10.1.0.11"],
    ]) {
      const r = await w.zmgr("create", name as string, "--ip", `internal=${ip}`);
      expect(r.code, r.stderr).toBe(0);
    }
    await w.zmgr("boot", "web1");
    await w.zmgr("boot", "web9");
    const h = await w.zmgr(
      "list",
      "-o",
      "name,addresses",
      "-s",
      "addresses",
      "--filter",
      "state=running",
      "-H",
    );
    expect(h.stderr).toBe("");
    expect(h.stdout).toBe("web9  10.1.0.11/24\nweb1  10.1.0.100/24\n");
    const p = await w.zmgr("list", "-p", "-o", "name,state,zonepath", "-s", "name");
    expect(p.stdout).toBe(
      [
        "web1:running:/zones/a\\:b\\\\c/web1",
        "web2:installed:/zones/a\\:b\\\\c/web2",
        "web9:running:/zones/a\\:b\\\\c/web9",
        "",
      ].join("\n"),
    );
    const bad = await w.zmgr("list", "-o", "name,nope");
    expect(bad.code).toBe(2);
  });
});
