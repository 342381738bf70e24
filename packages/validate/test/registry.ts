import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Diagnostic } from "@zmgr/errors";
import type { ZoneNet } from "@zmgr/kdl-schema";
import { Registry, type Snapshot } from "@zmgr/registry";
import { type Files, SPEC_REGISTRY, writeFiles } from "@zmgr/test-builders";
import { withLocations } from "../src/locations.js";
import type { ValidateOptions } from "../src/types.js";
import { validateSnapshot } from "../src/validate-snapshot.js";

export type { Files } from "@zmgr/test-builders";

/** Writes the files into a fresh registry directory, loads it with the real registry, removes it. */
export async function snapshotOf(files: Files): Promise<Snapshot> {
  const root = await mkdtemp(join(tmpdir(), "zmgr-validate-"));
  try {
    await writeFiles(root, files);
    for (const dir of ["templates", "pools", "zones", "publishers"]) {
      await mkdir(join(root, dir), { recursive: true });
    }
    return await Registry.open(root).load();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * The original tool's documented example (SPEC §1, shared with the registry tests): templates
 * router and oi, pools internal, public and public-v6, the openindiana.org publisher, zones
 * router1 (two nets, dual stack) and myzone (the original flat single-net form). Validate's
 * variant: router is the default template and oi names the publisher. A valid registry: no errors.
 */
export const CLEAN: Files = {
  ...SPEC_REGISTRY,
  "config.kdl": `zonepath-prefix "/zones"
default-template "router"
`,
  "templates/oi.kdl": `template "oi" {
  brand "ipkg"
  net "internal" { pool "internal"; }
  publisher "openindiana.org"
}
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
