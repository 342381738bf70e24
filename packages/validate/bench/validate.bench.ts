// Validation of a 10,000-zone registry (dual stack: 20,000 addresses, 10,000 VNICs), with and
// without host facts. Target (issue): under 1 s; every rule is O(n) over zones via maps/sets.
// Setup writes the registry to a temp directory and loads it with the real registry once.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Registry } from "@zmgr/registry";
import { bench, describe } from "vitest";
import type { HostFacts } from "../src/index.js";
import { validateProposedZone, validateSnapshot } from "../src/index.js";

const ZONES = 10_000;

const root = await mkdtemp(join(tmpdir(), "zmgr-validate-bench-"));
for (const d of ["templates", "pools", "zones", "publishers"]) await mkdir(join(root, d));
await writeFile(join(root, "config.kdl"), 'default-template "web"\n');
await writeFile(
  join(root, "templates/web.kdl"),
  'template "web" {\n  brand "ipkg"\n  net "lan" { pool "lan" "lan6"; }\n}\n',
);
await writeFile(
  join(root, "pools/lan.kdl"),
  'pool "lan" {\n  network "10.0.0.0/16"\n  gateway "10.0.0.1"\n  stub "lanstub0"\n  range-start "10.0.0.10"\n  range-end "10.0.255.250"\n}\n',
);
await writeFile(
  join(root, "pools/lan6.kdl"),
  'pool "lan6" {\n  network "2001:db8:1::/64"\n  gateway "2001:db8:1::1"\n  stub "lanstub0"\n  range-start "2001:db8:1::10"\n  range-end "2001:db8:1::ffff:ffff"\n}\n',
);
const v4 = (i: number) => `10.0.${(i + 10) >> 8}.${(i + 10) & 255}`;
const v6 = (i: number) => `2001:db8:1::${(i + 16).toString(16)}`;
for (let i = 0; i < ZONES; i++) {
  await writeFile(
    join(root, `zones/web${i}.kdl`),
    `zone "web${i}" {\n  template "web"\n  net "lan" { address "${v4(i)}/16" "${v6(i)}/64"; gateway "10.0.0.1" "2001:db8:1::1"; vnic "web${i}_0"; stub "lanstub0"; pool "lan" "lan6"; }\n  created "2026-03-22"\n}\n`,
  );
}
const snapshot = await Registry.open(root).load();
await rm(root, { recursive: true, force: true });

const host: HostFacts = {
  zones: Array.from({ length: ZONES }, (_, i) => ({
    id: i + 1,
    name: `web${i}`,
    state: "running" as const,
    zonepath: `/zones/web${i}`,
    uuid: "",
    brand: "ipkg",
    ipType: "exclusive" as const,
  })),
  links: [
    { link: "lanstub0", class: "etherstub", over: "" },
    ...Array.from({ length: ZONES }, (_, i) => ({
      link: `web${i}_0`,
      class: "vnic",
      over: "lanstub0",
    })),
  ],
  vnics: Array.from({ length: ZONES }, (_, i) => ({ link: `web${i}_0`, over: "lanstub0" })),
};

// the benchmark must measure the clean path, not an error path
const found = validateSnapshot(snapshot, { host });
if (found.length > 0) throw new Error(`bench registry is not clean: ${JSON.stringify(found[0])}`);

const template = snapshot.templates.get("web")!.parsed.value!;
const proposed = {
  name: "new1",
  template: "web",
  nets: [
    {
      name: "lan",
      addresses: [`${v4(ZONES)}/16`, `${v6(ZONES)}/64`],
      gateways: ["10.0.0.1", "2001:db8:1::1"],
      vnic: "new1_0",
      stub: "lanstub0",
      pools: ["lan", "lan6"],
    },
  ],
};

describe(`${ZONES} zones`, () => {
  bench("validateSnapshot", () => {
    validateSnapshot(snapshot);
  });
  bench("validateSnapshot with host facts", () => {
    validateSnapshot(snapshot, { host });
  });
  bench("validateProposedZone with host facts (create pre-flight)", () => {
    validateProposedZone(snapshot, proposed, template, host);
  });
});
