import { describe, expect, it } from "vitest";
import { SimHost } from "./sim-host.js";

const run = (h: SimHost, line: string) => {
  const [file = "", ...args] = line.split(" ");
  return h.run({ file, args });
};

describe("zoneadm list", () => {
  const h = () =>
    SimHost.fresh()
      .withZone({ name: "a", state: "configured", uuid: "u-a", debugId: 7 })
      .withZone({ name: "b", state: "incomplete", uuid: "u-b", debugId: 8 })
      .withZone({ name: "c", state: "running", id: 4, uuid: "u-c", debugId: 9 })
      .withZone({
        name: "d",
        state: "installed",
        zonepath: "/zones/odd:path",
        uuid: "u-d",
        debugId: 10,
      });

  it("prints configured and incomplete rows with `-` ids, escapes `:` in zonepaths (OmniOS, 8 fields)", () => {
    expect(run(h(), "zoneadm list -cp").stdout).toBe(
      [
        "0:global:running:/::ipkg:shared:0",
        "4:c:running:/zones/c:u-c:lipkg:excl:9",
        "-:a:configured:/zones/a:u-a:lipkg:excl:7",
        "-:b:incomplete:/zones/b:u-b:lipkg:excl:8",
        "-:d:installed:/zones/odd\\:path:u-d:lipkg:excl:10",
        "",
      ].join("\n"),
    );
  });

  it("filters by state: default running only, -i installed and later, -n drops global", () => {
    expect(run(h(), "zoneadm list").stdout).toBe("global\nc\n");
    expect(run(h(), "zoneadm list -i").stdout).toBe("global\nc\nd\n");
    expect(run(h(), "zoneadm list -cn").stdout).toBe("c\na\nb\nd\n");
  });

  it("-z NAME list -p prints the one zone whatever its state; -v does not escape", () => {
    expect(run(h(), "zoneadm -z a list -p").stdout).toBe(
      "-:a:configured:/zones/a:u-a:lipkg:excl:7\n",
    );
    expect(run(h(), "zoneadm -z d list -v").stdout).toContain("/zones/odd:path ");
  });

  it("upstream illumos prints 7 fields and defaults to ipkg/shared", () => {
    const up = SimHost.fresh({ flavour: "illumos" }).withZone({
      name: "a",
      state: "configured",
      uuid: "u",
    });
    expect(run(up, "zoneadm list -cp").stdout).toBe(
      "0:global:running:/::ipkg:shared\n-:a:configured:/zones/a:u:ipkg:shared\n",
    );
  });
});
