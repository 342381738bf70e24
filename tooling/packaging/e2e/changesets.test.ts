import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { runOk } from "./run.js";
import { PACKAGE_NAMES, type PackageName, PUBLISHED, ROOT, tarballName } from "./workspace.js";

const ctx = inject("packaging");
const CHANGESET = join(ROOT, "node_modules/@changesets/cli/bin.js");

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Where a workspace package lives: published ones by the table, private test helpers in tooling/. */
function workspacePath(name: string): string {
  return name in PUBLISHED
    ? PUBLISHED[name as PackageName]
    : join("tooling", name.replace(/^@zmgr\//, ""));
}

/** A throwaway clone of the committed repo, sharing the root node_modules (never /work/main itself). */
async function clone(): Promise<string> {
  const dir = await mkdtemp(join(ctx.tmp, "clone-"));
  await rm(dir, { recursive: true });
  await runOk("git", ["clone", "--quiet", "--depth", "1", `file://${ROOT}`, dir]);
  await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

async function manifest(repo: string, name: PackageName): Promise<Manifest> {
  return JSON.parse(await readFile(join(repo, PUBLISHED[name], "package.json"), "utf8"));
}

async function changelog(repo: string, name: PackageName): Promise<string> {
  return readFile(join(repo, PUBLISHED[name], "CHANGELOG.md"), "utf8").catch(() => "");
}

async function pendingChangesets(repo: string): Promise<string[]> {
  return (await readdir(join(repo, ".changeset"))).filter(
    (f) => f.endsWith(".md") && f !== "README.md",
  );
}

function bump(version: string, type: "minor" | "patch"): string {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  return type === "minor" ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

describe("changeset version (in a temporary clone)", () => {
  it("applies the pending changesets: each released package bumped, its CHANGELOG has the summary", async () => {
    const repo = await clone();
    const pending = await pendingChangesets(repo);
    const summaries = new Map<string, string[]>();
    const privateOnly: string[] = []; // changesets for private packages are never consumed
    for (const file of pending) {
      const text = await readFile(join(repo, ".changeset", file), "utf8");
      const [, front = "", body = ""] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      for (const [, name = ""] of front.matchAll(/^"([^"]+)":\s*\w+/gm))
        summaries.set(name, [...(summaries.get(name) ?? []), body.trim().split("\n")[0] ?? ""]);
      if (![...front.matchAll(/^"([^"]+)":/gm)].some(([, n = ""]) => n in PUBLISHED))
        privateOnly.push(file);
    }
    const before = new Map(
      await Promise.all(PACKAGE_NAMES.map(async (n) => [n, await manifest(repo, n)] as const)),
    );

    await runOk(process.execPath, [CHANGESET, "version"], { cwd: repo });

    expect(await pendingChangesets(repo)).toEqual(privateOnly);
    for (const name of PACKAGE_NAMES) {
      const after = await manifest(repo, name);
      const log = await changelog(repo, name);
      for (const summary of summaries.get(name) ?? []) {
        expect(after.version, name).not.toBe(before.get(name)?.version);
        expect(log, name).toContain(`## ${after.version}`);
        expect(log, name).toContain(summary);
      }
    }
    // Private workspace packages (tooling/*) are never versioned.
    for (const dir of await readdir(join(repo, "tooling"))) {
      const text = await readFile(join(repo, "tooling", dir, "package.json"), "utf8");
      expect(JSON.parse(text), dir).toMatchObject({ private: true, version: "0.0.0" });
    }
  });

  it("a minor changeset for @zmgr/ipam: ipam minor, its dependents patch with updated ranges, others untouched", async () => {
    const repo = await clone();
    for (const file of await pendingChangesets(repo)) await rm(join(repo, ".changeset", file));
    await writeFile(
      join(repo, ".changeset/packaging-e2e-ipam.md"),
      '---\n"@zmgr/ipam": minor\n---\n\nPackaging end-to-end: a minor change to ipam.\n',
    );
    const before = new Map(
      await Promise.all(PACKAGE_NAMES.map(async (n) => [n, await manifest(repo, n)] as const)),
    );
    const dependents = PACKAGE_NAMES.filter((n) => before.get(n)?.dependencies?.["@zmgr/ipam"]);
    expect(dependents).toEqual(
      expect.arrayContaining(["@zmgr/validate", "@zmgr/importer", "@zmgr/cli"]),
    );

    await runOk(process.execPath, [CHANGESET, "version"], { cwd: repo });

    const ipamVersion = bump(before.get("@zmgr/ipam")!.version, "minor");
    expect((await manifest(repo, "@zmgr/ipam")).version).toBe(ipamVersion);
    const ipamLog = await changelog(repo, "@zmgr/ipam");
    expect(ipamLog).toContain(`## ${ipamVersion}\n\n### Minor Changes`);
    expect(ipamLog).toContain("Packaging end-to-end: a minor change to ipam.");

    for (const name of PACKAGE_NAMES.filter((n) => n !== "@zmgr/ipam")) {
      const was = before.get(name)!.version;
      const now = (await manifest(repo, name)).version;
      if (dependents.includes(name)) {
        expect(now, name).toBe(bump(was, "patch"));
        const log = await changelog(repo, name);
        expect(log, name).toContain(`## ${now}\n\n### Patch Changes\n\n- Updated dependencies`);
        expect(log, name).toContain(`  - @zmgr/ipam@${ipamVersion}`);
      } else {
        expect(now, name).toBe(was);
      }
    }

    // The source manifests keep `workspace:^`; the range is written at pack time. Pack ipam and
    // its dependents in the clone (linking workspace deps as `pnpm install` would).
    const out = join(repo, ".packed");
    await mkdir(out);
    const packed: PackageName[] = ["@zmgr/ipam", ...dependents];
    for (const name of packed) {
      // pack resolves `workspace:` in every dependency field, devDependencies included
      const m = before.get(name);
      const deps = Object.entries({ ...m?.dependencies, ...m?.devDependencies })
        .filter(([, range]) => range.startsWith("workspace:"))
        .map(([dep]) => dep);
      await mkdir(join(repo, PUBLISHED[name], "node_modules/@zmgr"), { recursive: true });
      for (const dep of deps)
        await symlink(
          join(repo, workspacePath(dep)),
          join(repo, PUBLISHED[name], "node_modules", dep),
        );
    }
    const filters = packed.flatMap((n) => ["--filter", n]);
    await runOk("pnpm", ["-r", ...filters, "pack", "--pack-destination", out], { cwd: repo });
    for (const name of packed) {
      const version = (await manifest(repo, name)).version;
      const tarball = join(out, tarballName(name, version));
      const { stdout } = await runOk("tar", ["-xzOf", tarball, "package/package.json"]);
      if (name !== "@zmgr/ipam")
        expect(JSON.parse(stdout).dependencies["@zmgr/ipam"], name).toBe(`^${ipamVersion}`);
      // The generated changelog ships with the package (the README links to it).
      const { stdout: log } = await runOk("tar", ["-xzOf", tarball, "package/CHANGELOG.md"]);
      expect(log, name).toContain(`## ${version}`);
    }
  });
});
