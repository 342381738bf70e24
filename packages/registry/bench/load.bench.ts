// Target (issue): a registry with 10,000 zone files loads in under 1 s.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, bench, describe } from "vitest";
import { Registry } from "../src/index.js";

const ZONES = 10_000;

async function bigRegistry(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "zmgr-registry-bench-"));
  await mkdir(join(root, "zones"), { recursive: true });
  await mkdir(join(root, "pools"), { recursive: true });
  await writeFile(
    join(root, "pools/internal.kdl"),
    'pool "internal" {\n  network "10.0.0.0/16"\n  gateway "10.0.0.1"\n  stub "oinetint0"\n  range-start "10.0.0.10"\n  range-end "10.0.255.250"\n}\n',
  );
  for (let i = 0; i < ZONES; i += 500) {
    await Promise.all(
      Array.from({ length: 500 }, (_, j) => {
        const n = i + j;
        const ip = `10.0.${Math.floor((n + 10) / 256)}.${(n + 10) % 256}/16`;
        const text = `zone "z${n}" {\n  template "oi"\n  net "internal" { address "${ip}"; gateway "10.0.0.1"; vnic "z${n}_0"; stub "oinetint0"; pool "internal"; }\n  created "2026-03-22"\n}\n`;
        return writeFile(join(root, "zones", `z${n}.kdl`), text);
      }),
    );
  }
  return root;
}

const root = await bigRegistry();
const registry = Registry.open(root);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("registry load", () => {
  bench(
    `load a registry of ${ZONES} zone files (target < 1 s)`,
    async () => {
      const snap = await registry.load();
      if (snap.zones.size !== ZONES || snap.diagnostics.length > 0) throw new Error("bad load");
    },
    { iterations: 5, warmupIterations: 1 },
  );
});
