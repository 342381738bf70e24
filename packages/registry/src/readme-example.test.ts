// Mirrors the example in README.md (a temp registry with the SPEC §1 files instead of the
// --simulate default root): if this fails, the README is wrong.
import { SPEC_REGISTRY } from "@zmgr/test-builders";
import { describe, expect, it } from "vitest";
import { registryWith } from "../test/registry-fixture.js";
import { Registry } from "./index.js";

describe("README example", () => {
  it("adds an address to a list pool under the lock, keeping the file's comments", async () => {
    const root = await registryWith(SPEC_REGISTRY);
    const registry = Registry.open(root);
    const notes = await registry.withLock(
      async (snapshot) => {
        const file = snapshot.pools.get("public");
        const pool = file?.parsed.value;
        if (!file || !pool || pool.mode.kind !== "list") throw new Error("no list pool 'public'");
        const addresses = [...pool.mode.addresses, "203.0.113.12"];
        return registry.put("pool", { ...pool, mode: { kind: "list", addresses } }, file);
      },
      { timeoutMs: 30_000, onNote: () => {} },
    );
    expect(notes).toEqual([]);
    const pool = (await registry.load()).pools.get("public")?.parsed.value;
    expect(pool?.mode).toEqual({
      kind: "list",
      addresses: ["203.0.113.10", "203.0.113.11", "203.0.113.20", "203.0.113.12"],
    });
  });
});
