import { createSimExecutor, SimHost } from "@zmgr/illumos-sim";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importHost } from "./import-host.js";
import { type TempRegistry, tempRegistry } from "./test-helpers.js";

let reg: TempRegistry;
beforeEach(async () => {
  reg = await tempRegistry();
});
afterEach(() => reg.cleanup());

function host(): SimHost {
  return SimHost.fresh()
    .withLink({ name: "web1_0", class: "vnic", over: "oinetint0" })
    .withZone({
      name: "web1",
      brand: "ipkg",
      state: "running",
      nets: [{ physical: "web1_0", allowedAddress: "10.1.0.11/24", defrouter: "10.1.0.1" }],
    });
}

const run = (sim: SimHost, names?: string[]) =>
  importHost({
    exec: createSimExecutor(sim),
    registry: reg.registry,
    lockTimeoutMs: 2000,
    today: "2026-12-04",
    ...(names ? { names } : {}),
  });

describe("import and the ledger", () => {
  it("refuses to adopt while a zone document cannot be parsed, naming the file", async () => {
    await reg.write(
      "zones/old.kdl",
      'zone "old" {\n  template "oi"\n  net "default" { address "10.1.0.11/24; }\n}\n',
    );
    await expect(run(host(), ["web1"])).rejects.toMatchObject({
      code: "zmgr::registry::ledger_unreadable",
      location: { file: "zones/old.kdl" },
    });
    // listing candidates is read-only and still works
    expect((await run(host())).candidates).toEqual(["web1"]);
  });

  it("skips a zone whose address a registered zone holds, in any spelling", async () => {
    await reg.write(
      "zones/other.kdl",
      'zone "other" {\n  template "oi"\n  net "default" { address "10.1.0.11/24"; vnic "other0"; pool "internal"; }\n}\n',
    );
    const report = await run(host(), ["web1"]);
    expect(report.entries[0]).toMatchObject({
      outcome: "skipped",
      code: "zmgr::import::address_in_use",
    });
    expect(report.entries[0]?.reason).toContain("other");
  });
});
