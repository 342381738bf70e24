import { isZmgrError } from "@zmgr/errors";
import { describe, expect, it } from "vitest";
import {
  CaseClashError,
  ConflictError,
  InvalidNameError,
  LockedError,
  LockLostError,
  ReadOnlyError,
  RegistryNotFoundError,
  RenameError,
  UnreadableError,
  UnusableFileError,
  ZoneFileMissingError,
} from "./errors.js";

const eacces = Object.assign(new Error("denied"), { code: "EACCES" });

describe("registry errors carry every fact of their message as a typed property", () => {
  it("names the lock holder, the lock file and how long it waited", () => {
    const holder = { pid: 4242, host: "gz1", since: "2026-03-22T10:00:00Z" };
    const e = new LockedError("/r/.zmgr.lock", holder, 5000);
    expect(e.message).toBe(
      "the registry is locked by process 4242 on gz1 (since 2026-03-22T10:00:00Z)",
    );
    expect([e.holder, e.lockFile, e.waitedMs]).toEqual([holder, "/r/.zmgr.lock", 5000]);
    expect(e.help).toContain("waited 5 s");
  });

  it("keeps file, reason, path, errno, names and zone as properties", () => {
    const lost = new LockLostError("/r/.zmgr.lock", "taken over by pid 7");
    expect([lost.lockFile, lost.reason]).toEqual(["/r/.zmgr.lock", "taken over by pid 7"]);
    const conflict = new ConflictError("zones/web.kdl", "exists");
    expect([conflict.file, conflict.reason, conflict.message]).toEqual([
      "zones/web.kdl",
      "exists",
      "zones/web.kdl already exists",
    ]);
    expect(new ReadOnlyError("/r/zones", eacces).path).toBe("/r/zones");
    const unreadable = new UnreadableError("/r", eacces);
    expect([unreadable.path, unreadable.errno, unreadable.message]).toEqual([
      "/r",
      "EACCES",
      "cannot read /r (EACCES)",
    ]);
    expect(new RegistryNotFoundError("/nope").root).toBe("/nope");
    const bad = new InvalidNameError("pool", "-x", "starts with '-'");
    expect([bad.kind, bad.entityName, bad.problem]).toEqual(["pool", "-x", "starts with '-'"]);
    const clash = new CaseClashError("zones/Web.kdl", "zones/web.kdl");
    expect([clash.file, clash.existing]).toEqual(["zones/Web.kdl", "zones/web.kdl"]);
    expect(new UnusableFileError("pools/p.kdl").file).toBe("pools/p.kdl");
    const rename = new RenameError("zones/a.kdl", "zones/b.kdl");
    expect([rename.from, rename.to]).toEqual(["zones/a.kdl", "zones/b.kdl"]);
    expect(new ZoneFileMissingError("web").zone).toBe("web");
  });

  it("is recognised by isZmgrError and serialises to JSON", () => {
    const e = new ConflictError("zones/web.kdl", "changed");
    expect(isZmgrError(e)).toBe(true);
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({
      code: "zmgr::registry::conflict",
      file: "zones/web.kdl",
      reason: "changed",
    });
  });
});
