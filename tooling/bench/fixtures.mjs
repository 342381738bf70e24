// Writes a registry with `count` zones in one /16 range pool, the way the original tool lays it out.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function makeRegistry(root, count) {
  for (const dir of ["templates", "pools", "zones", "publishers"]) {
    mkdirSync(join(root, dir), { recursive: true });
  }
  writeFileSync(join(root, "config.kdl"), 'zonepath-prefix "/zones"\ndefault-template "oi"\n');
  writeFileSync(
    join(root, "templates/oi.kdl"),
    'template "oi" {\n  brand "ipkg"\n  autoboot #false\n  ip-type "exclusive"\n  net "internal" { pool "internal"; }\n}\n',
  );
  writeFileSync(
    join(root, "pools/internal.kdl"),
    'pool "internal" {\n  network "10.0.0.0/16"\n  gateway "10.0.0.1"\n  stub "oinetint0"\n  range-start "10.0.0.10"\n  range-end "10.0.255.250"\n}\n',
  );
  for (let i = 0; i < count; i++) {
    const n = i + 10;
    const address = `10.0.${n >> 8}.${n & 255}/16`;
    const name = `z${i}`;
    writeFileSync(
      join(root, "zones", `${name}.kdl`),
      `zone "${name}" {\n  template "oi"\n  net "internal" { address "${address}"; gateway "10.0.0.1"; vnic "${name}_0"; stub "oinetint0"; pool "internal"; }\n  created "2026-03-22"\n}\n`,
    );
  }
}
