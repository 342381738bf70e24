import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SimHost } from "./sim-host.js";

// Captures copied byte-identical from shared/illumos/captures (COMMANDS.md §9).
const capture = (name: string) =>
  readFileSync(new URL(`../fixtures/sim/${name}`, import.meta.url), "utf8");
const run = (h: SimHost, line: string) => {
  const [file = "", ...args] = line.split(" ");
  return h.run({ file, args });
};

function listCp1Host(): SimHost {
  const h = SimHost.empty();
  const lines = capture("zoneadm-list-cp.1.txt").trim().split("\n").slice(1);
  for (const l of lines) {
    const [id, name = "", state, zonepath, uuid, brand, , did] = l.split(":");
    h.withZone({
      name,
      zonepath: zonepath ?? "",
      uuid: uuid ?? "",
      brand: brand ?? "",
      ipType: "exclusive",
      state: state === "running" ? "running" : "installed",
      ...(id !== "-" ? { id: Number(id) } : {}),
      debugId: Number(did),
    });
  }
  return h;
}

describe("simulator output matches the captures byte for byte", () => {
  it("zoneadm list -cp on OmniOS (the capture has one extra empty line at the end)", () => {
    expect(`${run(listCp1Host(), "zoneadm list -cp").stdout}\n`).toBe(
      capture("zoneadm-list-cp.1.txt"),
    );
  });

  it("zoneadm list -cp with one installed zone (the capture lost its final newline)", () => {
    const h = SimHost.empty().withZone({
      name: "clean-zone",
      uuid: "311a4f36-779f-4d14-bc9d-c85cb9817327",
      brand: "lipkg",
      ipType: "exclusive",
      debugId: 216,
    });
    expect(run(h, "zoneadm list -cp").stdout).toBe(`${capture("zoneadm-list-cp.3.txt")}\n`);
  });

  it("zoneadm list -cv pads columns and keeps the trailing spaces of excl", () => {
    const h = SimHost.empty();
    for (const [name, id, brand] of [
      ["lx0", 1, "lx"],
      ["lx2", 2, "lx"],
      ["lx1", 3, "lx"],
      ["lipkg0", 5, "lipkg"],
    ] as const)
      h.withZone({ name, id, brand, state: "running", ipType: "exclusive" });
    expect(run(h, "zoneadm list -cv").stdout).toBe(capture("zoneadm-list-cv.1.txt"));
  });

  it("zoneadm install of a pkgsrc zone on a ZFS /zones", () => {
    const h = SimHost.empty().withZone({ name: "test", brand: "pkgsrc", state: "configured" });
    const r = run(h, "zoneadm -z test install");
    expect(r).toEqual({ exitCode: 0, stdout: capture("zoneadm-install.1.txt"), stderr: "" });
  });

  it("zonecfg info of a zone without resources (the capture lost trailing spaces)", () => {
    const h = SimHost.empty().withZone({ name: "test", brand: "pkgsrc", ipType: "exclusive" });
    const r = run(h, "zonecfg -z test info");
    expect(r.stdout).toContain("bootargs: \npool: \n");
    expect(r.stdout.replaceAll(" \n", "\n")).toBe(capture("zonecfg-info.1.txt"));
  });

  it("zonecfg -z on a new zone greets on stderr and stdout", () => {
    const r = run(SimHost.empty(), "zonecfg -z firstzone");
    const [err, out] = capture("zonecfg-noexist.1.txt").split(/(?<=\n)/);
    expect(r.stderr).toBe(err);
    expect(r.stdout).toBe(out);
  });

  it("zonecfg info on an unknown zone", () => {
    const r = run(SimHost.empty(), "zonecfg -z dev info");
    expect(r).toEqual({ exitCode: 1, stdout: "", stderr: capture("zonecfg-info-noexist.1.txt") });
  });

  it("dladm show-link with one physical link", () => {
    const h = SimHost.empty().withLink({ name: "e1000g0", class: "phys" });
    expect(run(h, "dladm show-link").stdout).toBe(capture("dladm-show-link.1.txt"));
  });

  it("dladm show-link with a link down and an etherstub", () => {
    const h = SimHost.empty()
      .withLink({ name: "igb0", class: "phys" })
      .withLink({ name: "igb1", class: "phys", state: "down" })
      .withLink({ name: "switch10", class: "etherstub" });
    expect(run(h, "dladm show-link").stdout).toBe(capture("dladm-show-link.2.txt"));
  });

  it("dladm show-vnic prints the MAC without leading zeros", () => {
    const h = SimHost.empty()
      .withLink({ name: "igb0", class: "phys", speed: 100 })
      .withLink({ name: "vnic0", class: "vnic", over: "igb0", mac: "2:8:20:38:a5:d6" });
    expect(run(h, "dladm show-vnic").stdout).toBe(capture("dladm-show-vnic.1.txt"));
  });

  it("dladm show-phys", () => {
    const h = SimHost.empty().withLink({ name: "igb0", class: "phys" });
    expect(run(h, "dladm show-phys").stdout).toBe(capture("dladm-show-phys.1.txt"));
  });

  it("dladm show-vnic of a missing VNIC", () => {
    const r = run(SimHost.fresh(), "dladm show-vnic -p -o link dev0");
    expect(r).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: capture("dladm-show-vnic-missing.1.txt"),
    });
  });
});
