import { mkdir, readdir, readFile, realpath } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { npm, tarballOf } from "./npm.js";
import { cleanEnv, type RunResult, run } from "./run.js";

const ctx = inject("packaging");
const prefix = join(ctx.tmp, "global");
const home = join(ctx.tmp, "home");
const registry = join(ctx.tmp, "zmgr-registry");

/** The globally installed zmgr, with a throwaway HOME and no ZMGR_* settings of the caller. */
function zmgr(...args: string[]): Promise<RunResult> {
  const env = cleanEnv({ HOME: home, PATH: `${join(prefix, "bin")}:${process.env.PATH ?? ""}` });
  return run(join(prefix, "bin/zmgr"), args, { cwd: home, env, timeoutMs: 60_000 });
}

function ok(result: RunResult): RunResult {
  if (result.code !== 0)
    throw new Error(`zmgr exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
}

describe("npm install -g --prefix <tmp> of the packed @zmgr/cli", () => {
  beforeAll(async () => {
    await mkdir(home, { recursive: true });
    // The cli tarball itself; its @zmgr dependencies come from the local registry serving the
    // other tarballs, the rest from the npm registry: what `npm i -g @zmgr/cli` does once published.
    await npm(
      ctx,
      ["install", "-g", "--prefix", prefix, "--no-audit", "--no-fund", tarballOf(ctx, "@zmgr/cli")],
      home,
    );
  }, 660_000);

  it("links zmgr and zmgr-sim into <prefix>/bin, nothing outside the prefix", async () => {
    expect((await readdir(join(prefix, "bin"))).sort()).toEqual(["zmgr", "zmgr-sim"]);
    expect(await realpath(join(prefix, "bin/zmgr"))).toBe(
      await realpath(join(prefix, "lib/node_modules/@zmgr/cli/dist/zmgr.js")),
    );
  });

  it("zmgr --version prints the packed version", async () => {
    const cli = ctx.packages.find((p) => p.name === "@zmgr/cli")!;
    const { stdout } = ok(await zmgr("--version"));
    expect(stdout.trim()).toBe(cli.version);
  });

  it("zmgr --help lists the commands", async () => {
    const { stdout } = ok(await zmgr("--help"));
    expect(stdout).toMatch(/^Usage: zmgr /m);
    for (const command of ["init", "create", "destroy", "list", "validate", "import"])
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
  });

  it("zmgr --simulate: init, create web1, list", async () => {
    ok(await zmgr("--simulate", "--registry", registry, "init"));
    expect(await readFile(join(registry, "config.kdl"), "utf8")).not.toBe("");

    ok(await zmgr("--simulate", "--registry", registry, "create", "web1"));
    const zone = await readFile(join(registry, "zones/web1.kdl"), "utf8");
    expect(zone).toMatch(/zone "?web1"?/);

    const { stdout } = ok(await zmgr("--simulate", "--registry", registry, "list"));
    expect(stdout).toMatch(/^web1\s+installed\b/m);
    const listed = JSON.parse(
      ok(await zmgr("--simulate", "--registry", registry, "--json", "list")).stdout,
    ) as { name: string; state: string; addresses: string[] }[];
    expect(listed).toEqual([
      expect.objectContaining({ name: "web1", state: "installed", addresses: ["10.1.0.10/24"] }),
    ]);
  });

  it("the installed zmgr-sim holds the zone zmgr created", async () => {
    const env = cleanEnv({ HOME: home, ZMGR_SIM_STATE: join(registry, ".simulator.json") });
    const sim = join(prefix, "bin/zmgr-sim");
    const zones = await run(sim, ["zoneadm", "list", "-cp"], { env });
    expect(zones.code).toBe(0);
    expect(zones.stdout).toMatch(/^-:web1:installed:\/zones\/web1:/m);
  });
});
