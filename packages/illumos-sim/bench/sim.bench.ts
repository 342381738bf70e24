import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bench, describe } from "vitest";
import { createFileSimExecutor, saveSimHost } from "../src/sim-executor.js";
import { SimHost } from "../src/sim-host.js";

// A big simulated host: 500 zones, 500 VNICs. zmgr reads list -cp and show-vnic on every create.
const big = SimHost.fresh();
for (let i = 0; i < 500; i++) {
  big.withLink({ name: `v${i + 1}`, class: "vnic", over: "oinetint0" });
  big.withZone({
    name: `zone-${i}`,
    state: i % 2 ? "running" : "installed",
    nets: [{ physical: `v${i + 1}`, allowedAddress: "10.1.0.5/24" }],
  });
}
const file = join(mkdtempSync(join(tmpdir(), "zmgr-sim-bench-")), "state.json");
await saveSimHost(file, big);
const exec = createFileSimExecutor(file);

describe("simulator", () => {
  bench("zoneadm list -cp, 500 zones, in process", () => {
    big.run({ file: "zoneadm", args: ["list", "-cp"] });
  });
  bench("dladm show-vnic -p -o link,over, 500 VNICs, in process", () => {
    big.run({ file: "dladm", args: ["show-vnic", "-p", "-o", "link,over"] });
  });
  bench("zonecfg -f - of a dual-stack zone", () => {
    const h = SimHost.fresh();
    h.run({
      file: "zonecfg",
      args: ["-z", "web", "-f", "-"],
      stdin:
        "create -b\nset zonepath=/zones/web\nadd net\nset physical=web0\nset allowed-address=10.1.0.5/24\nend\nadd net\nset physical=web0\nset allowed-address=2001:db8::5/64\nend\ncommit\n",
    });
  });
  bench("file executor: lock, load, run, save, unlock on a 500-zone state", async () => {
    await exec.run({ file: "zoneadm", args: ["list", "-cp"] });
  });
});
