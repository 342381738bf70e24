import { createHash } from "node:crypto";
import { chmod, mkdir, readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deadPid, tempDir } from "../test/tmp.js";
import { TEMP_FILE, tempPathFor } from "./atomic-write.js";
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

  it("sweeps only zmgr's temp files whose writer is gone, and nothing an admin left", async () => {
    const dead = await deadPid();
    const admin = {
      "zones/web2.kdl.20261204": "backup",
      "zones/web1.kdl~": "editor backup",
      "zones/.#web1.kdl": "emacs lock",
      "zones/web1.kdl.orig": "patch leftover",
      "zones/web1.kdl.123456789": "looks like an old temp file, but whose?",
      [`zones/.web1.kdl.zmgr-${dead}-0123456789ab.bak`]: "not exactly the pattern",
    };
    const s = await storageWith({
      "zones/web1.kdl": "a",
      ...admin,
      [`zones/.web1.kdl.zmgr-${dead}-0123456789ab`]: "partial, writer gone",
      [`zones/.web1.kdl.zmgr-${process.pid}-0123456789ab`]: "partial, writer alive",
    });
    expect(await s.sweepTempFiles()).toEqual([`zones/.web1.kdl.zmgr-${dead}-0123456789ab`]);
    expect((await readdir(join(s.root, "zones"))).sort()).toEqual(
      [
        "web1.kdl",
        ...Object.keys(admin).map((k) => k.slice(6)),
        `.web1.kdl.zmgr-${process.pid}-0123456789ab`,
      ].sort(),
    );
    for (const [path, text] of Object.entries(admin)) {
      expect(await readFile(join(s.root, path), "utf8")).toBe(text);
    }
  });

  it("sweeps a waiter's lock record only when its waiter is gone or it is old", async () => {
    const dead = await deadPid();
    const s = await storageWith({});
    const rec = (pid: number) =>
      JSON.stringify({ pid, host: hostname(), since: "x", token: "a".repeat(24) });
    const deadTemp = ".zmgr.lock.0123456789abcdef01234567.tmp";
    const liveTemp = ".zmgr.lock.ffffffffffffffffffffffff.tmp";
    const oldTemp = ".zmgr.lock.eeeeeeeeeeeeeeeeeeeeeeee.tmp";
    await writeFile(join(s.root, deadTemp), rec(dead));
    await writeFile(join(s.root, liveTemp), rec(process.pid));
    await writeFile(join(s.root, oldTemp), rec(process.pid));
    const old = new Date(Date.now() - 120_000);
    await utimes(join(s.root, oldTemp), old, old);
    expect((await s.sweepTempFiles()).sort()).toEqual([deadTemp, oldTemp].sort());
    expect(await readdir(s.root)).toEqual([liveTemp]);
  });

  it("writes atomically through a hidden temp file named for zmgr, and keeps the file's mode", async () => {
    const s = await storageWith({ "zones/a.kdl": "old" });
    await chmod(join(s.root, "zones/a.kdl"), 0o640);
    const v = (await s.read("zone", "a"))?.version ?? null;
    await s.write("zone", "a", "new", v);
    expect(await readdir(join(s.root, "zones"))).toEqual(["a.kdl"]);
    expect((await stat(join(s.root, "zones/a.kdl"))).mode & 0o777).toBe(0o640);
    expect(tempPathFor(join(s.root, "zones/a.kdl"), 42)).toMatch(
      /\/zones\/\.a\.kdl\.zmgr-42-[0-9a-f]{12}$/,
    );
    expect(TEMP_FILE.test(".a.kdl.zmgr-42-0123456789ab")).toBe(true);
  });
});
