import { isAbsolute, join, resolve } from "node:path";

export interface RegistryRootOptions {
  /** `--registry <dir>` */
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
  /** `--simulate` */
  simulate: boolean;
  /** The user's home directory (`os.homedir()`). */
  home: string;
  /** Base for relative `--registry` / `$ZMGR_REGISTRY` values; defaults to `process.cwd()`. */
  cwd?: string;
}

export const SYSTEM_REGISTRY = "/etc/zmgr";

/**
 * Where the registry lives (SPEC §1): `--registry`, else `$ZMGR_REGISTRY`, else `/etc/zmgr`.
 * Under `--simulate` with neither given, the simulator's own registry in the XDG state directory,
 * so a simulation never touches `/etc/zmgr` unless told to. Empty values count as unset; a relative
 * `$XDG_STATE_HOME` is ignored, as the XDG spec requires.
 */
export function resolveRegistryRoot(opts: RegistryRootOptions): string {
  const cwd = opts.cwd ?? process.cwd();
  const given = nonEmpty(opts.flag) ?? nonEmpty(opts.env.ZMGR_REGISTRY);
  if (given !== undefined) return resolve(cwd, given);
  if (!opts.simulate) return SYSTEM_REGISTRY;
  const xdg = nonEmpty(opts.env.XDG_STATE_HOME);
  const stateHome = xdg !== undefined && isAbsolute(xdg) ? xdg : join(opts.home, ".local", "state");
  return join(stateHome, "zmgr-sim", "registry");
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
