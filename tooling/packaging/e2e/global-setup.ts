import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { type PackedPackage, startLocalRegistry } from "./local-registry.js";
import { runOk } from "./run.js";
import {
  assertBuilt,
  PACKAGE_NAMES,
  type PackageName,
  PUBLISHED,
  ROOT,
  tarballName,
} from "./workspace.js";

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

async function tarballOf(name: PackageName, packDir: string): Promise<string> {
  const { version } = JSON.parse(
    await readFile(join(ROOT, PUBLISHED[name], "package.json"), "utf8"),
  );
  return join(packDir, tarballName(name, version));
}

async function pack(names: readonly PackageName[], packDir: string): Promise<void> {
  const filters = names.flatMap((name) => ["--filter", name]);
  await runOk("pnpm", ["-r", ...filters, "pack", "--pack-destination", packDir], { cwd: ROOT });
}

async function hasEntry(name: PackageName, packDir: string): Promise<boolean> {
  const { stdout } = await runOk("tar", ["-tzf", await tarballOf(name, packDir)]);
  return stdout.split("\n").includes("package/dist/index.js");
}

/** Pack every published package once, serve the tarballs as the @zmgr scope of a local registry. */
export default async function setup(project: TestProject) {
  await assertBuilt();
  const tmp = await mkdtemp(join(tmpdir(), "zmgr-packaging-"));
  const packDir = join(tmp, "packed");
  await mkdir(packDir);
  await pack(PACKAGE_NAMES, packDir);
  // In a shared checkout another build may empty a `dist` mid-pack: wait for it, repack once.
  // A package whose tarball still lacks its entry point then fails pack.test.ts.
  const partial: PackageName[] = [];
  for (const name of PACKAGE_NAMES) if (!(await hasEntry(name, packDir))) partial.push(name);
  if (partial.length > 0) {
    await assertBuilt();
    await pack(partial, packDir);
  }

  const packages: PackedPackage[] = [];
  for (const name of PACKAGE_NAMES) {
    const tarball = await tarballOf(name, packDir);
    const { stdout } = await runOk("tar", ["-xzOf", tarball, "package/package.json"]);
    const manifest = JSON.parse(stdout);
    packages.push({ name, version: manifest.version, tarball, manifest });
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
