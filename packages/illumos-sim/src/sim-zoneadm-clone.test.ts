import { describe, expect, it } from "vitest";
import { SimHost } from "./sim-host.js";

const run = (h: SimHost, line: string) => {
  const [file = "", ...args] = line.split(" ");
  return h.run({ file, args });
};

function host(): SimHost {
  const h = SimHost.fresh()
    .withZone({ name: "golden", state: "installed", brand: "ipkg" })
    .withZone({ name: "hot", state: "running", brand: "ipkg" })
    .withZone({ name: "lx1", state: "installed", brand: "lx" });
  run(h, "zonecfg -z web create -b ; set zonepath=/zones/web ; set brand=ipkg ; commit");
  return h;
}

describe("zoneadm clone in the simulator", () => {
  it("ZFS-clones an installed source of the same brand into a configured target", () => {
    const h = host();
    const r = run(h, "zoneadm -z web clone golden");
    expect(r).toEqual({
      exitCode: 0,
      stdout: "Cloning snapshot rpool/zones/golden@SUNWzone1\nInstance creation successful\n",
      stderr: "",
    });
    expect(h.zone("web")?.state).toBe("installed");
    expect(h.zone("web")?.dataset).toBe("rpool/zones/web");
  });

  it("copies with -m copy", () => {
    const h = host();
    const r = run(h, "zoneadm -z web clone -m copy golden");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("Copying /zones/golden...");
    expect(h.zone("web")?.state).toBe("installed");
  });

  it("refuses a source that is not installed, another brand, or an installed target", () => {
    const h = host();
    expect(run(h, "zoneadm -z web clone hot")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "zoneadm: zone hot is running; installed is required.\n",
    });
    expect(run(h, "zoneadm -z web clone lx1").stderr).toContain("same brand");
    expect(run(h, "zoneadm -z golden clone lx1").stderr).toBe(
      "zoneadm: zone 'golden': is already installed.\n",
    );
    expect(run(h, "zoneadm -z web clone nosuch").stderr).toBe(
      "zoneadm: nosuch: No such zone configured\n",
    );
    expect(h.zone("web")?.state).toBe("configured");
  });
});
