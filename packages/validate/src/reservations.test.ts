import { describe, expect, it } from "vitest";
import { cleanHost, hostZone, link, vnic } from "../test/host.js";
import { cleanWith, validateFiles, where, withCode } from "../test/registry.js";

const reserved = (status: string) => ({
  "zones/web1.kdl": `zone "web1" {
  template "oi"
  net "internal" { address "10.1.0.30/24"; vnic "web1_0"; stub "oinetint0"; pool "internal"; }
  ${status}
}
`,
});
const CREATING = 'status "creating" pid=4242 host="h1" started="2026-03-22T10:00:00Z"';
const FAILED =
  'status "failed" pid=4242 host="h1" started="2026-03-22T10:00:00Z" reason="install failed"';

describe("reservations", () => {
  it("warns about a creating reservation whose process is gone, with the cleanup", async () => {
    const diags = await validateFiles(cleanWith(reserved(CREATING)), {
      hostname: "h1",
      isAlive: () => false,
    });
    const [d, ...rest] = withCode(diags, "zmgr::reservation::interrupted");
    expect(rest).toEqual([]);
    expect(d?.severity).toBe("warning");
    expect(d?.message).toContain("pid 4242");
    expect(d?.help).toBe(
      "clean up with `zmgr destroy web1 --yes`, which halts, uninstalls and deletes whatever exists of the zone, deletes VNIC web1_0 and removes zones/web1.kdl",
    );
    expect(where(d)).toBe("zones/web1.kdl:4:10");
  });

  it("is silent while the creating process is alive; names the machine of one made elsewhere", async () => {
    const files = cleanWith(reserved(CREATING));
    const alive = await validateFiles(files, { hostname: "h1", isAlive: (pid) => pid === 4242 });
    const elsewhere = await validateFiles(files, { hostname: "h2", isAlive: () => false });
    expect(alive.filter((d) => d.code.startsWith("zmgr::reservation::"))).toEqual([]);
    const [d, ...rest] = elsewhere.filter((x) => x.code.startsWith("zmgr::reservation::"));
    expect(rest).toEqual([]);
    expect(d?.code).toBe("zmgr::reservation::elsewhere");
    expect(d?.severity).toBe("warning");
    expect(d?.message).toBe(
      'zone "web1" is creating by h1 (pid 4242, since 2026-03-22T10:00:00Z): this machine cannot tell whether that create still runs; its addresses stay reserved',
    );
    expect(d?.help).toBe(
      "let it finish on h1; if it no longer runs there, settle it with `zmgr destroy web1 --force`",
    );
  });

  it("warns about a failed create with the exact commands from the live state", async () => {
    const host = cleanHost();
    host.zones.push(hostZone("web1", "incomplete"));
    host.links.push(link("web1_0", "vnic", "oinetint0"));
    host.vnics.push(vnic("web1_0", "oinetint0"));
    const diags = await validateFiles(cleanWith(reserved(FAILED)), {
      host,
      hostname: "h1",
      isAlive: () => true,
    });
    const [d, ...rest] = withCode(diags, "zmgr::reservation::failed");
    expect(rest).toEqual([]);
    expect(d?.message).toContain("install failed");
    expect(d?.help).toBe(
      "clean up with `zmgr destroy web1 --yes`, which runs `zoneadm -z web1 uninstall -F; zonecfg -z web1 delete -F; dladm delete-vnic web1_0`, then removes zones/web1.kdl (freeing its addresses)",
    );
    // a reservation is not drift: no zone_missing / vnic_missing on top
    expect(diags.filter((x) => x.file === "zones/web1.kdl").map((x) => x.code)).toEqual([
      "zmgr::reservation::failed",
    ]);
  });

  it("halts first when the failed zone is still running", async () => {
    const host = cleanHost();
    host.zones.push(hostZone("web1", "running"));
    const diags = await validateFiles(cleanWith(reserved(FAILED)), {
      host,
      hostname: "h1",
      isAlive: () => true,
    });
    expect(withCode(diags, "zmgr::reservation::failed")[0]?.help).toContain(
      "runs `zoneadm -z web1 halt; zoneadm -z web1 uninstall -F; zonecfg -z web1 delete -F`, then removes zones/web1.kdl",
    );
  });
});

describe("reservation cleanup when nothing reached the host", () => {
  it("only removes the file", async () => {
    const diags = await validateFiles(cleanWith(reserved(CREATING)), {
      host: cleanHost(),
      hostname: "h1",
      isAlive: () => false,
    });
    expect(withCode(diags, "zmgr::reservation::interrupted")[0]?.help).toBe(
      "clean up with `zmgr destroy web1 --yes`, which removes zones/web1.kdl (freeing its addresses)",
    );
  });
});
