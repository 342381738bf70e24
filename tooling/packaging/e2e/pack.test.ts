import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { describe, expect, inject, it } from "vitest";
import { runOk } from "./run.js";
import { PUBLISHED, ROOT } from "./workspace.js";

const ctx = inject("packaging");

async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await runOk("tar", ["-tzf", tarball]);
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ""));
}

describe.each(ctx.packages)("pnpm pack $name", (pkg) => {
  it("ships dist with JavaScript, types and README, and nothing from src or tests", async () => {
    const files = await tarballFiles(pkg.tarball);
    expect(files).toEqual(
      expect.arrayContaining(["package.json", "README.md", "dist/index.js", "dist/index.d.ts"]),
    );
    const stray = files.filter(
      (f) =>
        !/^(package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(f) && !f.startsWith("dist/"),
    );
    expect(stray).toEqual([]);
    expect(files.filter((f) => /\.(test|bench)\.|fixtures\//.test(f))).toEqual([]);
  });

  it("is publint clean, suggestions included, in strict mode", async () => {
    const data = await readFile(pkg.tarball);
    const tarball = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    const { messages, pkg: manifest } = await publint({
      pack: { tarball: tarball as ArrayBuffer },
      level: "suggestion",
      strict: true,
    });
    expect(messages.map((m) => `${m.type} ${m.code}: ${formatMessage(m, manifest)}`)).toEqual([]);
  });

  it("has no source condition and no workspace or catalog ranges in its packed package.json", () => {
    const text = JSON.stringify(pkg.manifest);
    expect(text).not.toContain("@zmgr/source");
    expect(text).not.toContain("src/");
    expect(text).not.toMatch(/"(workspace|catalog):/);
    expect(pkg.manifest.exports).toEqual({
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./package.json": "./package.json",
    });
    expect(pkg.manifest).not.toHaveProperty("publishConfig.exports");
  });

  it("depends on the other @zmgr packages at a caret of their current version", async () => {
    const deps = (pkg.manifest.dependencies ?? {}) as Record<string, string>;
    for (const [dep, range] of Object.entries(deps).filter(([d]) => d.startsWith("@zmgr/"))) {
      const dir = PUBLISHED[dep as keyof typeof PUBLISHED];
      expect(dir, `${dep} is not a published package`).toBeDefined();
      const { version } = JSON.parse(await readFile(join(ROOT, dir, "package.json"), "utf8"));
      expect(range, dep).toBe(`^${version}`);
    }
  });

  it("ships every bin as an executable script with a node shebang", async () => {
    const bins = (pkg.manifest.bin ?? {}) as Record<string, string>;
    const files = await tarballFiles(pkg.tarball);
    for (const target of Object.values(bins)) {
      expect(files).toContain(target.replace(/^\.\//, ""));
      const { stdout } = await runOk("tar", ["-xzOf", pkg.tarball, `package/${target.slice(2)}`]);
      expect(stdout.split("\n")[0]).toBe("#!/usr/bin/env node");
    }
  });
});

it("packs all eight published packages", () => {
  expect(ctx.packages.map((p) => p.name).sort()).toEqual(Object.keys(PUBLISHED).sort());
});
