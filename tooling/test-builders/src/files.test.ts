import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SPEC_REGISTRY, writeFiles } from "./index.js";

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map((r) => rm(r, { recursive: true, force: true })));
});

describe("writeFiles", () => {
  it("writes every file below the root, creating the directories", async () => {
    const root = await mkdtemp(join(tmpdir(), "zmgr-builders-"));
    roots.push(root);
    await writeFiles(root, { "config.kdl": "a\n", "zones/deep/z.kdl": "b\n" });
    expect(await readFile(join(root, "config.kdl"), "utf8")).toBe("a\n");
    expect(await readFile(join(root, "zones/deep/z.kdl"), "utf8")).toBe("b\n");
  });
});

describe("SPEC_REGISTRY", () => {
  it("holds the SPEC §1 example: two templates, three pools, two zones, one publisher", () => {
    expect(Object.keys(SPEC_REGISTRY).sort()).toEqual([
      "config.kdl",
      "pools/internal.kdl",
      "pools/public-v6.kdl",
      "pools/public.kdl",
      "publishers/openindiana.org.kdl",
      "templates/oi.kdl",
      "templates/router.kdl",
      "zones/myzone.kdl",
      "zones/router1.kdl",
    ]);
  });
});
