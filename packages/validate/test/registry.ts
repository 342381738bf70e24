import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Diagnostic } from "@zmgr/errors";
import type { ZoneNet } from "@zmgr/kdl-schema";
import { Registry, type Snapshot } from "@zmgr/registry";
import { withLocations } from "../src/locations.js";
import type { ValidateOptions } from "../src/types.js";
import { validateSnapshot } from "../src/validate-snapshot.js";

export type Files = Record<string, string>;

/** Writes the files into a fresh registry directory, loads it with the real registry, removes it. */
export async function snapshotOf(files: Files): Promise<Snapshot> {
  const root = await mkdtemp(join(tmpdir(), "zmgr-validate-"));
  try {
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    for (const dir of ["templates", "pools", "zones", "publishers"]) {
      await mkdir(join(root, dir), { recursive: true });
    }
    return await Registry.open(root).load();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * The original tool's documented example (SPEC §1): templates router and oi, pools internal,
 * public and public-v6, the openindiana.org publisher, zones router1 (two nets, dual stack) and
 * myzone (the original flat single-net form). A valid registry: no errors.
 */
export const CLEAN: Files = {
  "config.kdl": `zonepath-prefix "/zones"
default-template "router"
`,
  "templates/router.kdl": `template "router" {
  brand "ipkg"
  autoboot #true
  ip-type "exclusive"
  net "internal" { pool "internal"; }
  net "public" { pool "public" "public-v6"; vnic "{zone}pub{index}"; }
  publisher "openindiana.org"
  capped-memory "2G"
  cpu-shares 20
  fs "/export/data" "/data" readonly=#true     // lofs mount: special, dir
  dataset "tank/router"
  attr "resolvers" "9.9.9.9,149.112.112.112"
  install-args "-e" "ooce/editor/vim"
}
`,
  "templates/oi.kdl": `template "oi" {
  brand "ipkg"
  net "internal" { pool "internal"; }
  publisher "openindiana.org"
}
`,
  "pools/internal.kdl": `pool "internal" {
  network "10.1.0.0/24"
  gateway "10.1.0.1"
  stub "oinetint0"
  range-start "10.1.0.10"
  range-end "10.1.0.250"
  reserve "10.1.0.53" "10.1.0.54"      // optional, never handed out
}
`,
  "pools/public.kdl": `pool "public" {
  network "203.0.113.0/24"
  gateway "203.0.113.1"
  stub "pubstub0"
  addresses "203.0.113.10" "203.0.113.11" "203.0.113.20"
}
`,
  "pools/public-v6.kdl": `pool "public-v6" {
  network "2001:db8:1::/64"
  gateway "2001:db8:1::1"
  stub "pubstub0"
  range-start "2001:db8:1::10"
  range-end "2001:db8:1::ffff"
}
`,
  "publishers/openindiana.org.kdl": `publisher "openindiana.org" { origin "https://pkg.openindiana.org/hipster"; }
`,
  "zones/router1.kdl": `zone "router1" {
  template "router"
  net "internal" { address "10.1.0.11/24"; gateway "10.1.0.1"; vnic "router10"; stub "oinetint0"; pool "internal"; }
  net "public" { address "203.0.113.10/24" "2001:db8:1::10/64"; gateway "203.0.113.1" "2001:db8:1::1"; vnic "router1pub1"; stub "pubstub0"; pool "public" "public-v6"; }
  created "2026-03-22"
}
`,
  "zones/myzone.kdl": `zone "myzone" { template "oi"; address "10.1.0.10/24"; gateway "10.1.0.1"; vnic "myzone0"; stub "oinetint0"; created "2026-03-22"; }
`,
};

/** The clean registry with some files replaced or added. */
export function cleanWith(changes: Files): Files {
  return { ...CLEAN, ...changes };
}

/** The clean registry without some files. */
export function cleanWithout(...paths: string[]): Files {
  const out = { ...CLEAN };
  for (const p of paths) delete out[p];
  return out;
}

/** Loads the files and validates them, with locations filled in. */
export async function validateFiles(
  files: Files,
  opts: ValidateOptions = {},
): Promise<Diagnostic[]> {
  const snapshot = await snapshotOf(files);
  return withLocations(snapshot, validateSnapshot(snapshot, opts));
}

/** The diagnostics of one code. */
export function withCode(diags: Diagnostic[], code: string): Diagnostic[] {
  return diags.filter((d) => d.code === code);
}

/** `file:line:column` of a diagnostic, for compact assertions. */
export function where(d: Diagnostic | undefined): string | undefined {
  const l = d?.location;
  return l && `${l.file}:${l.line}:${l.column}`;
}

/** A zone net for proposed zones. */
export function net(name: string, addresses: string[], extra: Partial<ZoneNet> = {}): ZoneNet {
  return { name, addresses, gateways: [], pools: [], ...extra };
}
