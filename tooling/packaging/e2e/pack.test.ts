import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { describe, expect, inject, it } from "vitest";
import { runOk } from "./run.js";
import { type PackageName, PUBLISHED, ROOT } from "./workspace.js";

const ctx = inject("packaging");

function withoutSourceCondition(exports: unknown): unknown {
  if (typeof exports !== "object" || exports === null) return exports;
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([key]) => key !== "@zmgr/source")
      .map(([key, value]) => [key, withoutSourceCondition(value)]),
  );
}

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

  it("publishes the workspace exports minus the @zmgr/source condition, nothing else of src", async () => {
    const text = JSON.stringify(pkg.manifest);
    expect(text).not.toContain("@zmgr/source");
    expect(text).not.toMatch(/\.\/src\//);
    expect(text).not.toMatch(/"(workspace|catalog):/);
    expect(pkg.manifest).not.toHaveProperty("publishConfig.exports");
    // publishConfig.exports must track the workspace exports: same entries, same targets.
    const source = JSON.parse(
      await readFile(join(ROOT, PUBLISHED[pkg.name as PackageName], "package.json"), "utf8"),
    );
    expect(pkg.manifest.exports).toEqual(withoutSourceCondition(source.exports));
    expect(pkg.manifest.exports).toHaveProperty(["."], {
      types: "./dist/index.d.ts",
      default: "./dist/index.js",
    });
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

it("packs every published package", () => {
  expect(ctx.packages.map((p) => p.name).sort()).toEqual(Object.keys(PUBLISHED).sort());
});
