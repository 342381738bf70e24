import {
  buildZonecfgScript,
  IllumosHost,
  parseZoneadmList,
  parseZonecfgExport,
  parseZonecfgInfo,
} from "@zmgr/illumos-exec";
import { describe, expect, it } from "vitest";
import { createSimExecutor } from "./sim-executor.js";
import { SimHost } from "./sim-host.js";

// The core half's wrappers and parsers driven against the simulator: what zmgr does on a host.
describe("IllumosHost against the simulator", () => {
  const spec = {
    zonepath: "/zones/router1",
    brand: "ipkg",
    autoboot: true,
    ipType: "exclusive" as const,
    cappedMemory: "2G",
    cpuShares: 20,
    fs: [{ dir: "/data", special: "/export/data", readonly: true }],
    datasets: ["tank/router"],
    attrs: [{ name: "resolvers", value: "9.9.9.9,149.112.112.112" }],
    nets: [
      { physical: "router10", address: "10.1.0.11/24", defrouter: "10.1.0.1" },
      { physical: "router1pub1", address: "203.0.113.10/24", defrouter: "203.0.113.1" },
      { physical: "router1pub1", address: "2001:db8:1::10/64", defrouter: "2001:db8:1::1" },
    ],
  };

  it("creates, installs, boots and tears down a dual-stack zone", async () => {
    const sim = SimHost.fresh();
    const host = new IllumosHost(createSimExecutor(sim));
    await host.createVnic("router10", "oinetint0");
    await host.createVnic("router1pub1", "pubstub0");
    await host.applyZonecfg("router1", buildZonecfgScript(spec));
    const info = await host.zoneInfo("router1");
    expect(info).toMatchObject({
      zonename: "router1",
      zonepath: "/zones/router1",
      brand: "ipkg",
      autoboot: true,
    });
    expect(info?.nets.map((n) => [n.physical, n.allowedAddress, n.defrouter])).toEqual(
      spec.nets.map((n) => [n.physical, n.address, n.defrouter]),
    );
    await host.install("router1", {
      publisher: { name: "openindiana.org", origin: "https://pkg.openindiana.org/hipster" },
    });
    await host.setPublisher("/zones/router1/root", "extra", "https://pkg.example.org/extra/");
    expect(sim.zone("router1")?.publishers.map((p) => p.name)).toEqual([
      "openindiana.org",
      "omnios",
      "extra.omnios",
      "extra",
    ]);
    await host.boot("router1");
    expect((await host.listZones()).find((z) => z.name === "router1")).toMatchObject({
      state: "running",
      id: 1,
      ipType: "exclusive",
    });
    expect((await host.showVnics()).map((v) => [v.link, v.over])).toEqual([
      ["router10", "oinetint0"],
      ["router1pub1", "pubstub0"],
    ]);
    await host.halt("router1");
    await host.uninstall("router1");
    await host.deleteZone("router1");
    await host.deleteVnic("router10");
    await host.deleteVnic("router1pub1");
    expect(await host.zoneInfo("router1")).toBeUndefined();
    expect(sim.state.zones).toEqual([]);
    expect(sim.state.datasets).toEqual(SimHost.fresh().state.datasets);
    expect(sim.state.links.map((l) => l.name)).toEqual(["net0", "oinetint0", "pubstub0"]);
  });

  it("export output parses back to the same configuration as info", () => {
    const sim = SimHost.fresh();
    sim.run({ file: "zonecfg", args: ["-z", "r", "-f", "-"], stdin: buildZonecfgScript(spec) });
    const fromInfo = parseZonecfgInfo(
      sim.run({ file: "zonecfg", args: ["-z", "r", "info"] }).stdout,
    );
    const fromExport = parseZonecfgExport(
      sim.run({ file: "zonecfg", args: ["-z", "r", "export"] }).stdout,
      "r",
    );
    expect(fromInfo.nets).toHaveLength(3);
    for (const k of ["zonepath", "brand", "autoboot", "ipType", "nets"] as const)
      expect(fromExport[k]).toEqual(fromInfo[k]);
    const byType = (i: typeof fromInfo, t: string) => i.resources.filter((r) => r.type === t);
    for (const t of ["dataset", "attr", "capped-memory", "rctl"])
      expect(byType(fromExport, t)).toEqual(byType(fromInfo, t));
  });

  it("list -cp of every state parses back", () => {
    const sim = SimHost.fresh();
    const states = ["configured", "incomplete", "installed", "ready", "running", "down"] as const;
    for (const s of states) sim.withZone({ name: `z-${s}`, state: s, zonepath: `/zones/a:${s}` });
    const parsed = parseZoneadmList(sim.run({ file: "zoneadm", args: ["list", "-cp"] }).stdout);
    expect(parsed.map((z) => [z.name, z.state, z.zonepath])).toEqual([
      ["global", "running", "/"],
      ...["ready", "running", "down", "configured", "incomplete", "installed"].map((s) => [
        `z-${s}`,
        s,
        `/zones/a:${s}`,
      ]),
    ]);
  });

  it("a zonecfg script failing half-way leaves what came before configured; deleteZone clears it", async () => {
    const sim = SimHost.fresh();
    const host = new IllumosHost(createSimExecutor(sim));
    const bad = buildZonecfgScript(spec).replace(
      'set physical="router10"',
      'set physical="router-10"',
    );
    await expect(host.applyZonecfg("router1", bad)).rejects.toMatchObject({
      code: "zmgr::exec::command_failed",
      stderr: expect.stringContaining("router-10: invalid physical interface name\n"),
    });
    expect((await host.listZones()).map((z) => [z.name, z.state])).toEqual([
      ["global", "running"],
      ["router1", "configured"],
    ]);
    await host.deleteZone("router1");
    expect(await host.zoneInfo("router1")).toBeUndefined();
  });
});
