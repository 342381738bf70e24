import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeReadOnly } from "../test/read-only.js";
import { registryWith, SPEC_REGISTRY } from "../test/registry-fixture.js";
import { ReadOnlyError } from "./errors.js";
import { Registry } from "./registry.js";

describe("a read-only registry", () => {
  it("still loads, and refuses writes with read_only and a help line", async (ctx) => {
    const root = await registryWith(SPEC_REGISTRY);
    if (!(await makeReadOnly(root))) ctx.skip("cannot make a directory read-only here");
    const reg = Registry.open(root);
    const snap = await reg.load();
    expect(snap.diagnostics).toEqual([]);
    const file = snap.pools.get("public")!;
    const err = await reg
      .put("pool", { ...file.parsed.value!, stub: "x0" }, file)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadOnlyError);
    const ro = err as ReadOnlyError;
    expect(ro.code).toBe("zmgr::registry::read_only");
    expect(ro.message).toBe(`the registry is read-only: cannot write ${join(root, ".zmgr.lock")}`);
    expect(ro.help).toMatch(/pfexec|--registry/);
  });

  it("refuses a write into a read-only sub-directory with read_only naming the file", async (ctx) => {
    const root = await registryWith(SPEC_REGISTRY);
    if (!(await makeReadOnly(join(root, "pools")))) ctx.skip("cannot make a directory read-only");
    const reg = Registry.open(root);
    const file = (await reg.load()).pools.get("public")!;
    const err = await reg
      .put("pool", { ...file.parsed.value!, stub: "x0" }, file)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadOnlyError);
    expect((err as ReadOnlyError).message).toContain(join(root, "pools/public.kdl"));
  });
});
