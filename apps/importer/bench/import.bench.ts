import { createSimExecutor, SimHost } from "@zmgr/illumos-sim";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { importHost } from "../src/import-host.js";
import { type TempRegistry, tempRegistry } from "../src/test-helpers.js";

// Target: 50 hand-made zones matched (dry run) in under 0.5 s on the in-process simulator.
const ZONES = 50;

function bigHost(): SimHost {
  const sim = SimHost.fresh();
  for (let i = 0; i < ZONES; i++) {
    const vnic = `z${i}_0`;
    sim.withLink({ name: vnic, class: "vnic", over: "oinetint0" });
    sim.withZone({
      name: `z${i}`,
      brand: "ipkg",
      nets: [
        { physical: vnic, allowedAddress: `10.1.0.${10 + (i % 240)}/24`, defrouter: "10.1.0.1" },
        { physical: vnic, allowedAddress: `2001:db8:1::${(16 + i).toString(16)}/64` },
      ],
    });
  }
  return sim;
}

let reg: TempRegistry;
let sim: SimHost;
beforeAll(async () => {
  reg = await tempRegistry();
  sim = bigHost();
});
afterAll(() => reg.cleanup());

describe("importHost", () => {
  bench(
    `dry run over ${ZONES} host zones`,
    async () => {
      await importHost({
        exec: createSimExecutor(sim),
        registry: reg.registry,
        all: true,
        dryRun: true,
        lockTimeoutMs: 1000,
      });
    },
    { iterations: 5, time: 0 },
  );
});
