import type { PackagingContext } from "./global-setup.js";
import { cleanEnv, type RunResult, runOk } from "./run.js";

/** npm with this run's config and cache only: nothing of the machine's npm setup is read or written. */
export function npm(
  ctx: PackagingContext,
  args: readonly string[],
  cwd: string,
): Promise<RunResult> {
  const env = cleanEnv({
    npm_config_userconfig: ctx.npmrc,
    npm_config_globalconfig: ctx.npmGlobalrc,
    npm_config_cache: ctx.npmCache,
  });
  // a hang guard only: an install of every tarball took over 150 s on a loaded 2-core machine
  return runOk("npm", args, { cwd, env, timeoutMs: 600_000 });
}

export function tarballOf(ctx: PackagingContext, name: string): string {
  const found = ctx.packages.find((p) => p.name === name);
  if (!found) throw new Error(`${name} was not packed`);
  return found.tarball;
}
