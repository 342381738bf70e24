import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
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

const HEAVY = [
  /@zmgr\/(registry|kdl-schema|illumos-exec|validate|importer|ipam)/,
  /execa/,
  /@bgotink\/kdl/,
  /packages\/(registry|kdl-schema|illumos-exec|validate|ipam)\//,
];

describe("startup loads nothing heavy", () => {
  it("--version loads only the tiny entry", async () => {
    const { stdout, urls } = await loadedModules(["--version"]);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(urls.filter((u) => !u.startsWith("node:"))).toEqual([pathToFileURL(ZMGR).href]);
  });

  it("--help loads commander but no KDL, registry, simulator or execa", async () => {
    const { stdout, urls } = await loadedModules(["--help"]);
    expect(stdout).toContain("Usage: zmgr");
    expect(urls.some((u) => u.includes("commander"))).toBe(true);
    for (const heavy of HEAVY) expect(urls.filter((u) => heavy.test(u))).toEqual([]);
  });
});
