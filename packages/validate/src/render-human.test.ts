import { describe, expect, it } from "vitest";
import { cleanHost, hostZone } from "../test/host.js";
import { CLEAN, cleanWith, snapshotOf } from "../test/registry.js";
import { renderHuman, validateSnapshot, withLocations } from "./index.js";

const BROKEN = cleanWith({
  "pools/internal2.kdl": `pool "internal2" {\n  network "10.1.0.0/24"\n  stub "oinetint0"\n  range-start "10.1.0.200"\n  range-end "10.1.0.220"\n}\n`,
  "zones/web1.kdl": `zone "web1" {\n  template "oi"\n  net "internal" { address "10.1.0.11/24"; vnic "web1_0"; pool "internal"; }\n}\n`,
});

async function report(color = false) {
  const snapshot = await snapshotOf(BROKEN);
  const host = cleanHost();
  host.zones.push(hostZone("handmade"), hostZone("web1"));
  host.links.push({ link: "web1_0", class: "vnic", over: "oinetint0" });
  host.vnics.push({ link: "web1_0", over: "oinetint0" });
  return renderHuman(validateSnapshot(snapshot, { host }), snapshot, { color });
}

describe("renderHuman", () => {
  it("groups by file with file:line:column, a caret excerpt, the help line and a summary", async () => {
    expect(await report()).toBe(`pools/internal2.kdl
error[zmgr::pool::intersect]: the allocatable sets of pools "internal" and "internal2" intersect (both hold 10.1.0.200)
  --> pools/internal2.kdl:4:15
    3 |   stub "oinetint0"
  > 4 |   range-start "10.1.0.200"
      |               ^^^^^^^^^^^^
    5 |   range-end "10.1.0.220"
  help: narrow the range or list of "internal2" or "internal", or reserve the shared addresses in one of them

zones/web1.kdl
error[zmgr::address::duplicate]: address 10.1.0.11 of zone "web1" net "internal" is also held by zone "router1"
  --> zones/web1.kdl:3:28
    2 |   template "oi"
  > 3 |   net "internal" { address "10.1.0.11/24"; vnic "web1_0"; pool "internal"; }
      |                            ^^^^^^^^^^^^^^
    4 | }
  help: give one of the zones another address; \`zmgr show router1\` shows the other

(registry and host)
warning[zmgr::host::zone_unregistered]: zone "handmade" (ipkg, running) exists on this host but not in the registry
  help: adopt it with \`zmgr import handmade\` so its addresses are never handed out again

2 errors, 1 warning
`);
  });

  it("uses colour only when asked", async () => {
    expect(await report(false)).not.toContain("\u001b[");
    expect(await report(true)).toContain("\u001b[31m");
  });

  it("sorts a file's diagnostics by position and keeps existing locations", async () => {
    const web1 = BROKEN["zones/web1.kdl"]!.replace('"web1_0"', '"myzone0"');
    const snapshot = await snapshotOf({ ...BROKEN, "zones/web1.kdl": web1 });
    const diags = withLocations(snapshot, validateSnapshot(snapshot)).reverse();
    const text = renderHuman(diags, snapshot);
    expect(text.indexOf("zones/web1.kdl:3:28")).toBeLessThan(text.indexOf("zones/web1.kdl:3:49"));
  });

  it("says 0 errors, 0 warnings for a clean registry", async () => {
    const snapshot = await snapshotOf(CLEAN);
    expect(renderHuman(validateSnapshot(snapshot), snapshot)).toBe("0 errors, 0 warnings\n");
  });

  it("shows a diagnostic whose file cannot be located with just the file", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const text = renderHuman(
      [{ code: "zmgr::x::y", severity: "error", message: "m", help: "h", file: "zones/gone.kdl" }],
      snapshot,
    );
    expect(text).toBe(
      "zones/gone.kdl\nerror[zmgr::x::y]: m\n  --> zones/gone.kdl\n  help: h\n\n1 error, 0 warnings\n",
    );
  });
});
