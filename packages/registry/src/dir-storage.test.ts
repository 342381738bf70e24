import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../test/tmp.js";
import { DirectoryStorage, versionOf } from "./dir-storage.js";
import { ConflictError, InvalidNameError, RegistryNotFoundError } from "./errors.js";

async function storageWith(files: Record<string, string>): Promise<DirectoryStorage> {
  const root = await tempDir();
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return new DirectoryStorage(root);
}

describe("DirectoryStorage", () => {
  it("lists only *.kdl documents, not temp files of atomic writes, hidden files or the lock", async () => {
    const s = await storageWith({
      "pools/internal.kdl": "pool",
      "pools/internal.kdl.3141592653": "half",
      "pools/.internal.kdl.swp": "x",
      "pools/notes.txt": "x",
      "pools/.hidden.kdl": "x",
      ".zmgr.lock": "{}",
      "config.kdl": "",
    });
    await mkdir(join(s.root, "pools", "sub.kdl"));
    expect(await s.list("pool")).toEqual(["internal"]);
    expect(await s.list("zone")).toEqual([]);
    expect(await s.list("config")).toEqual(["config"]);
  });

  it("versions a document by the sha256 of its bytes", async () => {
    const s = await storageWith({ "zones/a.kdl": 'zone "a"\n' });
    const doc = await s.read("zone", "a");
    const sha = createHash("sha256").update('zone "a"\n').digest("hex");
    expect(doc).toEqual({ text: 'zone "a"\n', version: `sha256:${sha}` });
    expect(await s.read("zone", "missing")).toBeUndefined();
  });

  it("bulk-reads exactly what single reads see, small and large files alike", async () => {
    const big = `zone "big" {\n${"  // filler\n".repeat(8000)}}\n`;
    const s = await storageWith({ "zones/a.kdl": "aaa", "zones/big.kdl": big, "zones/c.kdl": "c" });
    const many = await s.readMany("zone", ["a", "big", "c", "gone"]);
    expect([...many.keys()]).toEqual(["a", "big", "c"]);
    for (const name of ["a", "big", "c"]) {
      expect(many.get(name)).toEqual(await s.read("zone", name));
    }
    expect(many.get("big")?.text).toBe(big);
  });

  it("creates only when asked to create, and refuses to overwrite an existing file", async () => {
    const s = await storageWith({});
    const v1 = await s.write("pool", "p", "one", null);
    expect(v1).toBe(versionOf("one"));
    expect(await readFile(join(s.root, "pools/p.kdl"), "utf8")).toBe("one");
    const err = await s.write("pool", "p", "two", null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).code).toBe("zmgr::registry::conflict");
    expect((err as ConflictError).message).toBe("pools/p.kdl already exists");
  });

  it("writes if unchanged and refuses a stale version (compare-and-swap)", async () => {
    const s = await storageWith({ "pools/p.kdl": "one" });
    const read = await s.read("pool", "p");
    await writeFile(join(s.root, "pools/p.kdl"), "edited by hand");
    await expect(s.write("pool", "p", "two", read!.version)).rejects.toThrow(
      "pools/p.kdl changed since it was read",
    );
    const fresh = await s.read("pool", "p");
    const v = await s.write("pool", "p", "two", fresh!.version);
    expect(await s.read("pool", "p")).toEqual({ text: "two", version: v });
    await expect(s.write("pool", "gone", "x", v)).rejects.toThrow("was removed since");
  });

  it("refuses to write over a directory, with a clear error and no temp file", async () => {
    const s = await storageWith({});
    await mkdir(join(s.root, "pools", "p.kdl"), { recursive: true });
    await expect(s.write("pool", "p", "text", null)).rejects.toThrow(/cannot read .*EISDIR/);
    expect(await readdir(join(s.root, "pools"))).toEqual(["p.kdl"]);
  });

  it("removes with and without an expected version", async () => {
    const s = await storageWith({ "zones/a.kdl": "a", "zones/b.kdl": "b" });
    await expect(s.remove("zone", "a", versionOf("other"))).rejects.toBeInstanceOf(ConflictError);
    await s.remove("zone", "a", versionOf("a"));
    await s.remove("zone", "b");
    await s.remove("zone", "b");
    expect(await s.list("zone")).toEqual([]);
  });

  it("refuses names that are paths", async () => {
    const s = await storageWith({});
    for (const name of ["../x", "a/b", ".hidden", ""]) {
      await expect(s.write("zone", name, "x", null)).rejects.toBeInstanceOf(InvalidNameError);
    }
  });

  it("reports a missing root as not_found with help pointing to zmgr init", async () => {
    const s = new DirectoryStorage(join(await tempDir(), "nope"));
    const err = await s.list("config").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryNotFoundError);
    expect((err as RegistryNotFoundError).code).toBe("zmgr::registry::not_found");
    await expect(s.list("zone")).rejects.toBeInstanceOf(RegistryNotFoundError);
  });

  it("sweeps temp files of interrupted writes, and nothing else", async () => {
    const s = await storageWith({
      "zones/a.kdl": "a",
      "zones/a.kdl.123456789": "partial",
      "zones/a.kdl.bak": "keep",
    });
    const oldLockTemp = ".zmgr.lock.0123456789abcdef01234567.tmp";
    const youngLockTemp = ".zmgr.lock.ffffffffffffffffffffffff.tmp";
    await writeFile(join(s.root, oldLockTemp), "{}");
    await writeFile(join(s.root, youngLockTemp), "{}");
    const old = new Date(Date.now() - 60_000);
    await utimes(join(s.root, oldLockTemp), old, old);
    expect(await s.sweepTempFiles()).toEqual([oldLockTemp, "zones/a.kdl.123456789"]);
    expect((await readdir(join(s.root, "zones"))).sort()).toEqual(["a.kdl", "a.kdl.bak"]);
    expect((await readdir(s.root)).sort()).toEqual([youngLockTemp, "zones"]);
  });
});
