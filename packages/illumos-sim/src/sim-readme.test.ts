import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IllumosHost } from "@zmgr/illumos-exec";
import { describe, expect, it } from "vitest";
import { createFileSimExecutor, createSimExecutor, SimHost } from "./index.js";

// The README "## Simulator" example, kept runnable.
describe("README simulator example", () => {
  it("runs as documented", async () => {
    const sim = SimHost.fresh()
      .withLink({ name: "web0", class: "vnic", over: "oinetint0" })
      .withZone({
        name: "web",
        state: "configured",
        nets: [{ physical: "web0", allowedAddress: "10.1.0.5/24" }],
      })
      .inject({ match: "zoneadm -z web install", exitCode: 1, stderr: "ERROR: pkg failed" });
    const host = new IllumosHost(createSimExecutor(sim));
    await expect(host.install("web")).rejects.toMatchObject({ code: "zmgr::exec::command_failed" });
    const list = sim.run({ file: "zoneadm", args: ["list", "-cp"] }).stdout;
    expect(list).toMatch(
      /^0:global:running:\/::ipkg:shared:0\n-:web:incomplete:\/zones\/web:[0-9a-f-]{36}:lipkg:excl:1\n$/,
    );

    const exec = createFileSimExecutor(
      join(mkdtempSync(join(tmpdir(), "zmgr-sim-readme-")), "zmgr-sim.json"),
    );
    expect((await exec.run({ file: "dladm", args: ["show-link"] })).stdout).toBe(
      "LINK        CLASS     MTU    STATE    BRIDGE     OVER\n" +
        "net0        phys      1500   up       --         --\n" +
        "oinetint0   etherstub 9000   up       --         --\n" +
        "pubstub0    etherstub 9000   up       --         --\n",
    );
  });
});
