import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Pool } from "@zmgr/kdl-schema";
import { describe, expect, it } from "vitest";
import { registryWith, SPEC_REGISTRY } from "../test/registry-fixture.js";
import { deadPid } from "../test/tmp.js";
import { ConflictError, InvalidNameError, LockedError } from "./errors.js";
import { acquireLock } from "./lock.js";
import { Registry } from "./registry.js";

const newPool: Pool = {
  name: "lab",
  network: "192.0.2.0/24",
  gateway: "192.0.2.1",
  stub: "labstub0",
  mode: { kind: "range", start: "192.0.2.10", end: "192.0.2.20" },
  reserve: [],
};

describe("Registry.put", () => {
  it("creates a new file in canonical KDL v2 that loads back to the same value", async () => {
    const root = await registryWith({});
    const reg = Registry.open(root);
    expect(await reg.put("pool", newPool)).toEqual([]);
    const snap = await reg.load();
    expect(snap.pools.get("lab")?.parsed.value).toEqual(newPool);
    expect(snap.diagnostics).toEqual([]);
  });

  it("refuses to create over an existing file", async () => {
    const reg = Registry.open(await registryWith(SPEC_REGISTRY));
    const pool = { ...newPool, name: "internal" };
    await expect(reg.put("pool", pool)).rejects.toBeInstanceOf(ConflictError);
  });

  it("keeps comments and layout when it edits a hand-written file", async () => {
    const root = await registryWith(SPEC_REGISTRY);
    const reg = Registry.open(root);
    const file = (await reg.load()).pools.get("internal")!;
    const value = { ...file.parsed.value!, reserve: ["10.1.0.53", "10.1.0.54", "10.1.0.55"] };
    expect(await reg.put("pool", value, file)).toEqual([]);
    const text = await readFile(join(root, "pools/internal.kdl"), "utf8");
    expect(text).toBe(
      SPEC_REGISTRY["pools/internal.kdl"]!.replace('"10.1.0.54"', '"10.1.0.54" "10.1.0.55"'),
    );
    expect(text).toContain("// optional, never handed out");
  });

  it("upgrades a KDL v1 file it edits to v2, keeps its comments, and says so", async () => {
    const v1 =
      '// the default\ntemplate "oi" {\n  brand "ipkg" // ips\n  autoboot true\n  pool "internal"\n}\n';
    const root = await registryWith({ "templates/oi.kdl": v1 });
    const reg = Registry.open(root);
    const file = (await reg.load()).templates.get("oi")!;
    const notes = await reg.put("template", { ...file.parsed.value!, autoboot: false }, file);
    expect(notes).toEqual(["upgraded templates/oi.kdl from KDL v1 to v2"]);
    const text = await readFile(join(root, "templates/oi.kdl"), "utf8");
    expect(text).toContain("autoboot #false");
    expect(text).toContain("// the default");
    expect(text).toContain("// ips");
    const reloaded = await reg.load();
    expect(reloaded.diagnostics).toEqual([]);
    expect(reloaded.templates.get("oi")?.parsed.kdlVersion).toBe(2);
  });

  it("refuses to overwrite a file that changed since it was loaded", async () => {
    const root = await registryWith(SPEC_REGISTRY);
    const reg = Registry.open(root);
    const file = (await reg.load()).pools.get("public")!;
    const edited = `${SPEC_REGISTRY["pools/public.kdl"]}// edited meanwhile\n`;
    await writeFile(join(root, "pools/public.kdl"), edited);
    const err = await reg.put("pool", { ...file.parsed.value!, stub: "x0" }, file).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).message).toBe("pools/public.kdl changed since it was read");
    expect(await readFile(join(root, "pools/public.kdl"), "utf8")).toBe(edited);
  });

  it("refuses to edit a file that does not parse", async () => {
    const root = await registryWith({ "pools/x.kdl": 'pool "x" {\n' });
    const reg = Registry.open(root);
    const file = (await reg.load()).pools.get("x")!;
    await expect(reg.put("pool", { ...newPool, name: "x" }, file)).rejects.toThrow(
      "cannot edit pools/x.kdl: it has errors",
    );
  });

  it("refuses to write one document's loaded file under another name", async () => {
    const reg = Registry.open(await registryWith(SPEC_REGISTRY));
    const file = (await reg.load()).pools.get("public")!;
    await expect(reg.put("pool", { ...file.parsed.value!, name: "other" }, file)).rejects.toThrow(
      "cannot turn pools/public.kdl into pools/other.kdl",
    );
  });

  it("refuses invalid names and names that clash in case with an existing file", async () => {
    const reg = Registry.open(await registryWith(SPEC_REGISTRY));
    await expect(reg.put("pool", { ...newPool, name: "../etc" })).rejects.toBeInstanceOf(
      InvalidNameError,
    );
    const err = await reg.put("pool", { ...newPool, name: "Internal" }).catch((e) => e);
    expect(err).toMatchObject({ code: "zmgr::registry::case_clash" });
  });

  it("removes only an unchanged file when given what was loaded", async () => {
    const root = await registryWith(SPEC_REGISTRY);
    const reg = Registry.open(root);
    const file = (await reg.load()).zones.get("myzone")!;
    await writeFile(join(root, "zones/myzone.kdl"), 'zone "myzone" { template "router"; }\n');
    await expect(reg.remove("zone", "myzone", file)).rejects.toBeInstanceOf(ConflictError);
    await reg.remove("zone", "myzone");
    expect((await reg.load()).zones.has("myzone")).toBe(false);
  });
});

describe("Registry.putText", () => {
  it("writes raw text with the same compare-and-swap as put", async () => {
    const root = await registryWith(SPEC_REGISTRY);
    const reg = Registry.open(root);
    const file = (await reg.load()).zones.get("myzone")!;
    await reg.putText("zone", "myzone", 'zone "myzone" { template "oi"; }\n', file);
    expect(await readFile(join(root, "zones/myzone.kdl"), "utf8")).toBe(
      'zone "myzone" { template "oi"; }\n',
    );
    await expect(reg.putText("zone", "myzone", "x", file)).rejects.toBeInstanceOf(ConflictError);
    await expect(reg.putText("zone", "MyZone", "x")).rejects.toMatchObject({
      code: "zmgr::registry::case_clash",
    });
  });
});

describe("Registry.withLock", () => {
  it("holds the lock while fn runs, lets fn write, and releases it even when fn throws", async () => {
    const root = await registryWith(SPEC_REGISTRY);
    const reg = Registry.open(root);
    await reg.withLock(
      async (snap) => {
        const info = JSON.parse(await readFile(join(root, ".zmgr.lock"), "utf8"));
        expect(info.pid).toBe(process.pid);
        const file = snap.pools.get("public")!;
        await reg.put("pool", { ...file.parsed.value!, stub: "pubstub1" }, file);
      },
      { timeoutMs: 1000 },
    );
    await expect(
      reg.withLock(async () => Promise.reject(new Error("boom")), { timeoutMs: 1000 }),
    ).rejects.toThrow("boom");
    const again = await acquireLock(root, { timeoutMs: 100 });
    await again.release();
    expect((await reg.load()).pools.get("public")?.parsed.value?.stub).toBe("pubstub1");
  });

  it("fails with LockedError when another process holds the lock past the timeout", async () => {
    const root = await registryWith(SPEC_REGISTRY);
    const other = await acquireLock(root, { timeoutMs: 100, pid: process.pid, host: "other" });
    const run = Registry.open(root).withLock(async () => 1, { timeoutMs: 100 });
    await expect(run).rejects.toBeInstanceOf(LockedError);
    await other.release();
  });

  it("removes a temp file left by a killed writer once it holds the lock, one note each", async () => {
    const dead = await deadPid();
    const temp = `.myzone.kdl.zmgr-${dead}-00000000abcd`;
    const root = await registryWith({
      ...SPEC_REGISTRY,
      [`zones/${temp}`]: "partial",
      "zones/myzone.kdl.20261204": "an admin's backup",
      "zones/myzone.kdl~": "an editor's backup",
    });
    const reg = Registry.open(root);
    const notes: string[] = [];
    await reg.withLock(async () => undefined, { timeoutMs: 100, onNote: (m) => notes.push(m) });
    expect(notes).toEqual([`removed zones/${temp}, a temp file left by an interrupted zmgr write`]);
    expect((await readdir(join(root, "zones"))).sort()).toEqual(
      ["myzone.kdl", "myzone.kdl.20261204", "myzone.kdl~", "router1.kdl"].sort(),
    );
  });

  it("reports how long it held the lock, once per lock taken", async () => {
    const root = await registryWith(SPEC_REGISTRY);
    const held: number[] = [];
    const reg = Registry.open(root, { onHeld: (ms) => held.push(ms) });
    await reg.withLock(async (snap) => reg.put("pool", newPool).then(() => snap), {
      timeoutMs: 1000,
    });
    expect(held).toHaveLength(1);
    expect(held[0]).toBeGreaterThanOrEqual(0);
  });
});
