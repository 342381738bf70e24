import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../test/tmp.js";
import { ReadOnlyError, RegistryNotFoundError, UnreadableError } from "./errors.js";
import { toStorageError } from "./fs-errors.js";

const errno = (code: string) => Object.assign(new Error(code), { code });

// read-only.test.ts refuses writes for real; EROFS (a read-only mount) and a refused read cannot
// be produced in a test without privileges, so the mapping itself is tested here.
describe("toStorageError", () => {
  it("turns refused writes (EACCES, EPERM, EROFS) into read_only naming the path", async () => {
    const root = await tempDir();
    for (const code of ["EACCES", "EPERM", "EROFS"]) {
      const err = toStorageError(errno(code), `${root}/pools/p.kdl`, "write", root);
      expect(err).toBeInstanceOf(ReadOnlyError);
      expect((err as ReadOnlyError).code).toBe("zmgr::registry::read_only");
      expect((err as ReadOnlyError).message).toContain("read-only");
      expect((err as ReadOnlyError).message).toContain(`${root}/pools/p.kdl`);
    }
  });

  it("turns a refused read into unreadable", async () => {
    const root = await tempDir();
    const err = toStorageError(errno("EACCES"), root, "read", root);
    expect(err).toBeInstanceOf(UnreadableError);
    expect((err as UnreadableError).message).toBe(`cannot read ${root} (EACCES)`);
  });

  it("says not_found when the root itself is missing", async () => {
    const root = join(await tempDir(), "missing");
    expect(toStorageError(errno("ENOENT"), `${root}/x`, "write", root)).toBeInstanceOf(
      RegistryNotFoundError,
    );
  });

  it("passes other errors through unchanged", async () => {
    const root = await tempDir();
    const other = errno("ENOSPC");
    expect(toStorageError(other, root, "write", root)).toBe(other);
  });
});
