import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect, it } from "vitest";

const dist = join(import.meta.dirname, "..", "dist");

/** Every file the built module statically imports, itself included (relative imports only). */
function graph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    graph(join(dirname(file), m[1]!), seen);
  }
  return seen;
}

it("the built root entry never loads the etcd client: directory registries pay nothing for it", () => {
  const root = graph(join(dist, "index.js"));
  const etcd = graph(join(dist, "etcd", "index.js"));
  // the gateway paths exist only in the etcd client: a control that the check can fail
  const hasClient = (files: Set<string>) =>
    [...files].some((f) => readFileSync(f, "utf8").includes("/v3/kv/txn"));
  expect(hasClient(etcd)).toBe(true);
  expect(hasClient(root)).toBe(false);
});
