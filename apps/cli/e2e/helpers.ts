import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
export const ZMGR = resolve(here, "../dist/zmgr.js");
export const ZMGR_SIM = resolve(here, "../dist/zmgr-sim.js");

export interface World {
  dir: string;
  registry: string;
  env: NodeJS.ProcessEnv;
  zmgr(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
}

/**
 * A new user's machine: `zmgr-sim` symlinked as zoneadm, zonecfg, dladm, pkg and zlogin in a directory
 * first on PATH, the simulator state in ZMGR_SIM_STATE, the registry in a temp dir.
 */
const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

export async function world(): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), "zmgr-e2e-"));
  made.push(dir);
  const bin = join(dir, "bin");
  await mkdir(bin);
  await chmod(ZMGR_SIM, 0o755);
  for (const name of ["zoneadm", "zonecfg", "dladm", "pkg", "zlogin"])
    await symlink(ZMGR_SIM, join(bin, name));
  const registry = join(dir, "registry");
  const env: NodeJS.ProcessEnv = {
    PATH: `${bin}:${process.env.PATH ?? ""}`,
    HOME: dir,
    ZMGR_SIM_STATE: join(dir, "sim-state.json"),
    ZMGR_REGISTRY: registry,
    NO_COLOR: "1",
  };
  return {
    dir,
    registry,
    env,
    zmgr: (...args) => run(process.execPath, [ZMGR, ...args], env),
  };
}

/**
 * A guard against a hung process, not a speed limit: one command took over 60 s on a 2-core machine
 * at a load average of 45. Below the e2e test timeout (vitest.shared.ts), so a hang names its command.
 */
const RUN_GUARD_MS = 240_000;

export function run(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(file, args, { env, timeout: RUN_GUARD_MS }, (error, stdout, stderr) => {
      if (error?.killed) {
        // Said plainly: a guard kill is no exit code of zmgr's (it read as "exit 1, no stderr").
        const why = `[test] killed after ${RUN_GUARD_MS / 1000} s: ${args.join(" ")}`;
        res({ code: 124, stdout, stderr: `${stderr}\n${why}\n` });
        return;
      }
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      res({ code, stdout, stderr });
    });
  });
}
