import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Registry } from "@zmgr/registry";

/** The registry of most scenarios: `zmgr init`-like templates and pools, plus dual-stack ones. */
export const BASE_FILES: Record<string, string> = {
  "config.kdl": 'default-template "oi"\n',
  "templates/oi.kdl": 'template "oi" {\n  brand "ipkg"\n  net "internal" { pool "internal"; }\n}\n',
  "templates/router.kdl":
    'template "router" {\n  brand "ipkg"\n  autoboot #true\n  net "internal" { pool "internal"; }\n  net "public" { pool "public" "public-v6"; }\n}\n',
  "templates/dual.kdl":
    'template "dual" {\n  brand "lipkg"\n  net "lan" { pool "internal" "internal-v6"; }\n}\n',
  "templates/sparse-shared.kdl":
    'template "sparse-shared" {\n  brand "sparse"\n  ip-type "shared"\n  net "lan" { pool "internal"; }\n}\n',
  "pools/internal.kdl":
    'pool "internal" {\n  network "10.1.0.0/24"\n  gateway "10.1.0.1"\n  stub "oinetint0"\n  range-start "10.1.0.10"\n  range-end "10.1.0.250"\n}\n',
  "pools/internal-v6.kdl":
    'pool "internal-v6" {\n  network "2001:db8:1::/64"\n  gateway "2001:db8:1::1"\n  stub "oinetint0"\n  range-start "2001:db8:1::10"\n  range-end "2001:db8:1::ffff"\n}\n',
  "pools/public.kdl":
    'pool "public" {\n  network "203.0.113.0/24"\n  gateway "203.0.113.1"\n  stub "pubstub0"\n  addresses "203.0.113.10" "203.0.113.11" "203.0.113.12"\n}\n',
  "pools/public-v6.kdl":
    'pool "public-v6" {\n  network "2001:db8:2::/64"\n  gateway "2001:db8:2::1"\n  stub "pubstub0"\n  range-start "2001:db8:2::10"\n  range-end "2001:db8:2::ff"\n}\n',
};

export interface TempRegistry {
  root: string;
  registry: Registry;
  write(path: string, text: string): Promise<void>;
  cleanup(): Promise<void>;
}

/** A registry directory in a fresh temp dir, filled with `files` (path → KDL text). */
export async function tempRegistry(
  files: Record<string, string> = BASE_FILES,
): Promise<TempRegistry> {
  const root = await mkdtemp(join(tmpdir(), "zmgr-import-"));
  const write = async (path: string, text: string) => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  };
  for (const dir of ["templates", "pools", "zones", "publishers"])
    await mkdir(join(root, dir), { recursive: true });
  for (const [path, text] of Object.entries(files)) await write(path, text);
  return {
    root,
    registry: Registry.open(root),
    write,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
