import { readFile } from "node:fs/promises";
import type { ConnectionOptions } from "./connection.js";
import { InsecureCredentialsError, TlsFileError } from "./errors.js";
import type { TlsMaterial } from "./transport.js";
import type { EtcdUrl } from "./url.js";

export interface EtcdEnvDeps {
  env: Record<string, string | undefined>;
  readFile: (path: string) => Promise<Buffer>;
}

const defaultDeps: EtcdEnvDeps = { env: process.env, readFile: (path) => readFile(path) };

const TLS_FILES = [
  ["ZMGR_ETCD_CA", "ca"],
  ["ZMGR_ETCD_CERT", "cert"],
  ["ZMGR_ETCD_KEY", "key"],
] as const;

/**
 * Connection options for a parsed URL from SPEC §6's variables: `ZMGR_ETCD_CA/CERT/KEY` (PEM
 * paths) and `ZMGR_ETCD_USER/PASSWORD`. Any of them with a plain `etcd://` URL is refused
 * (`zmgr::registry::insecure_credentials`) rather than ignored or sent in the clear.
 */
export async function connectionOptions(
  url: EtcdUrl,
  options: { timeoutMs?: number } = {},
  deps: EtcdEnvDeps = defaultDeps,
): Promise<ConnectionOptions> {
  const set = (name: string) => (deps.env[name] ?? "") !== "";
  const named = [...TLS_FILES.map(([v]) => v), "ZMGR_ETCD_USER", "ZMGR_ETCD_PASSWORD"].filter(set);
  if (!url.tls && named.length > 0) throw new InsecureCredentialsError(named);
  const base = {
    endpoints: url.endpoints,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  };
  if (!url.tls) return base;
  const tls: TlsMaterial = {};
  for (const [variable, field] of TLS_FILES) {
    const path = deps.env[variable];
    if (path === undefined || path === "") continue;
    try {
      tls[field] = await deps.readFile(path);
    } catch (error) {
      throw new TlsFileError(variable, path, error);
    }
  }
  const user = deps.env.ZMGR_ETCD_USER ?? "";
  const auth = user === "" ? {} : { auth: { user, password: deps.env.ZMGR_ETCD_PASSWORD ?? "" } };
  return { ...base, tls, ...auth };
}
