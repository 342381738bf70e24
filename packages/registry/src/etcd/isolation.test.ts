import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const src = join(import.meta.dirname, "..");

it("is reached only through @zmgr/registry/etcd: no file of the registry's main paths imports it", () => {
  const main = readdirSync(src).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
  expect(main).toContain("index.ts");
  const importers = main.filter((f) =>
    /from\s+["']\.\/etcd\//.test(readFileSync(join(src, f), "utf8")),
  );
  expect(importers).toEqual([]);
});

it("is a subpath export of the package, built as its own entry", () => {
  const manifest = JSON.parse(readFileSync(join(src, "../package.json"), "utf8"));
  expect(manifest.exports["./etcd"]["@zmgr/source"]).toBe("./src/etcd/index.ts");
  expect(manifest.publishConfig.exports["./etcd"].default).toBe("./dist/etcd/index.js");
  expect(readFileSync(join(src, "../tsdown.config.ts"), "utf8")).toContain(
    '"etcd/index": "src/etcd/index.ts"',
  );
});
