import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../test/memory-storage.js";
import { ConflictError } from "./errors.js";
import { Registry } from "./registry.js";

describe("Registry over another Storage backend", () => {
  it("loads, creates and edits through the Storage interface alone, with CAS", async () => {
    const storage = new MemoryStorage();
    await storage.write(
      "pool",
      "p",
      'pool "p" {\n  network "10.2.0.0/24" // lab\n  stub "s0"\n  addresses "10.2.0.5"\n}\n',
      null,
    );
    const reg = Registry.open("memory:", { storage });
    const snap = await reg.load();
    expect(snap.diagnostics).toEqual([]);
    expect(storage.reads).toBeGreaterThan(0); // per-document reads: no readMany here
    const file = snap.pools.get("p")!;
    const value = file.parsed.value!;
    await reg.withLock(async () => reg.put("pool", { ...value, stub: "s1" }, file), {
      timeoutMs: 100,
    });
    expect(storage.docs.get("pool/p")?.text).toContain('stub "s1"');
    expect(storage.docs.get("pool/p")?.text).toContain("// lab");
    await expect(reg.put("pool", { ...value, stub: "s2" }, file)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await reg.put("publisher", { name: "omnios", origin: "https://pkg.omnios.org/r151054/core/" });
    expect((await reg.load()).publishers.get("omnios")?.parsed.value?.origin).toBe(
      "https://pkg.omnios.org/r151054/core/",
    );
  });
});
