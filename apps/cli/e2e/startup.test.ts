import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { run, ZMGR } from "./helpers.js";

/** Runs the built bin with a module hook that records every module URL it loads. */
async function loadedModules(args: string[]): Promise<{ stdout: string; urls: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), "zmgr-startup-"));
  const log = join(dir, "modules.log");
  const hooks = join(dir, "hooks.mjs");
  await writeFile(
    hooks,
    `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, r.url + "\\n");
  return r;
}\n`,
  );
  const register = join(dir, "register.mjs");
  await writeFile(
    register,
    `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  await writeFile(log, "");
  const r = await run(
    process.execPath,
    ["--import", pathToFileURL(register).href, ZMGR, ...args],
    {},
  );
  const urls = (await readFile(log, "utf8")).split("\n").filter((l) => l !== "");
  await rm(dir, { recursive: true, force: true });
  return { stdout: r.stdout, urls };
}

/**
 * The sources a run loaded: each loaded file of dist/ stands for the sources its sourcemap lists
 * (the published bin is bundled, so one chunk holds many modules).
 */
async function loadedSources(urls: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const url of urls.filter((u) => u.startsWith("file:"))) {
    const file = fileURLToPath(url);
    const map = await readFile(`${file}.map`, "utf8").catch(() => undefined);
    if (map === undefined) out.push(file);
    else out.push(...(JSON.parse(map) as { sources: string[] }).sources);
  }
  return out;
}

const HEAVY = [
  /packages\/(registry|kdl-schema|illumos-exec|validate|ipam)\//,
  /apps\/importer\//,
  /node_modules\/\.pnpm\/execa@/,
  /node_modules\/\.pnpm\/@bgotink\+kdl@/,
];
const SIMULATOR = /illumos-exec\/src\/sim-|illumos-sim\//;

describe("startup loads nothing heavy", () => {
  it("--version loads only the tiny entry", async () => {
    const { stdout, urls } = await loadedModules(["--version"]);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(urls.filter((u) => !u.startsWith("node:"))).toEqual([pathToFileURL(ZMGR).href]);
  });

  it("--help loads commander but no KDL, registry, simulator or execa", async () => {
    const { stdout, urls } = await loadedModules(["--help"]);
    expect(stdout).toContain("Usage: zmgr");
    const sources = await loadedSources(urls);
    expect(sources.some((u) => u.includes("node_modules/.pnpm/commander@"))).toBe(true);
    for (const heavy of [...HEAVY, SIMULATOR]) {
      expect(sources.filter((u) => heavy.test(u))).toEqual([]);
    }
  });

  it("list on a real host loads execa and the registry but no simulator code", async () => {
    const dir = await mkdtemp(join(tmpdir(), "zmgr-startup-list-"));
    try {
      const init = await run(process.execPath, [ZMGR, "--registry", dir, "init"], {});
      expect(init.code, init.stderr).toBe(0);
      // No zoneadm on this machine: list fails at its first host command, after loading execa.
      const { urls } = await loadedModules(["--registry", dir, "list", "--json"]);
      const sources = await loadedSources(urls);
      expect(sources.some((u) => /node_modules\/\.pnpm\/execa@/.test(u))).toBe(true);
      expect(sources.some((u) => /packages\/registry\//.test(u))).toBe(true);
      expect(sources.filter((u) => SIMULATOR.test(u))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
