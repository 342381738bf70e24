import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { type PackedPackage, startLocalRegistry } from "./local-registry.js";
import { runOk } from "./run.js";
import { assertBuilt, PACKAGE_NAMES, PUBLISHED, ROOT, tarballName } from "./workspace.js";

export interface PackagingContext {
  /** Scratch directory of this run, removed afterwards (kept with ZMGR_PACKAGING_KEEP=1). */
  tmp: string;
  packages: PackedPackage[];
  /** npm user config: `@zmgr:registry=` the local registry, no audit, fund or update notices. */
  npmrc: string;
  /** An empty npm config file, used as the global config so no machine setting leaks in. */
  npmGlobalrc: string;
  /** npm cache of this run (starts empty), shared by the tests' installs. */
  npmCache: string;
  registryUrl: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    packaging: PackagingContext;
  }
}

/** Pack every published package once, serve the tarballs as the @zmgr scope of a local registry. */
export default async function setup(project: TestProject) {
  await assertBuilt();
  const tmp = await mkdtemp(join(tmpdir(), "zmgr-packaging-"));
  const packDir = join(tmp, "packed");
  await mkdir(packDir);
  const filters = PACKAGE_NAMES.flatMap((name) => ["--filter", name]);
  await runOk("pnpm", ["-r", ...filters, "pack", "--pack-destination", packDir], { cwd: ROOT });

  const packages: PackedPackage[] = [];
  for (const name of PACKAGE_NAMES) {
    const source = JSON.parse(await readFile(join(ROOT, PUBLISHED[name], "package.json"), "utf8"));
    const tarball = join(packDir, tarballName(name, source.version));
    const { stdout } = await runOk("tar", ["-xzOf", tarball, "package/package.json"]);
    packages.push({ name, version: source.version, tarball, manifest: JSON.parse(stdout) });
  }

  const registry = await startLocalRegistry(packages);
  const npmrc = join(tmp, "npmrc");
  const npmGlobalrc = join(tmp, "npmrc-global");
  await writeFile(
    npmrc,
    `@zmgr:registry=${registry.url}\naudit=false\nfund=false\nupdate-notifier=false\nfetch-retry-maxtimeout=10000\n`,
  );
  await writeFile(npmGlobalrc, "");
  const context: PackagingContext = {
    tmp,
    packages,
    npmrc,
    npmGlobalrc,
    npmCache: join(tmp, "npm-cache"),
    registryUrl: registry.url,
  };
  project.provide("packaging", context);

  return async () => {
    await registry.close();
    if (process.env.ZMGR_PACKAGING_KEEP !== "1") await rm(tmp, { recursive: true, force: true });
    else console.log(`kept ${tmp}`);
  };
}
