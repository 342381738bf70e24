import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export interface TlsFiles {
  caFile: string;
  certFile: string;
  keyFile: string;
}

/** One GET of etcd's `/health`: true iff it answers `{"health":"true"}` (a leader, no alarm). */
export async function probeHealth(clientUrl: string, tls?: TlsFiles): Promise<boolean> {
  const reply = (await askJson(clientUrl, "GET", "/health", tls)) as
    | { health?: unknown }
    | undefined;
  return reply?.health === "true";
}

/** A member's own id and the leader it follows (both decimal strings; "0" means no leader). */
export async function memberStatus(
  clientUrl: string,
  tls?: TlsFiles,
): Promise<{ memberId: string; leader: string } | undefined> {
  const reply = (await askJson(clientUrl, "POST", "/v3/maintenance/status", tls)) as
    | { header?: { member_id?: string }; leader?: string }
    | undefined;
  const memberId = reply?.header?.member_id;
  return memberId === undefined ? undefined : { memberId, leader: reply?.leader ?? "0" };
}

/** One request with an empty JSON body; the parsed reply, or undefined on any failure. */
function askJson(
  clientUrl: string,
  method: string,
  path: string,
  tls?: TlsFiles,
): Promise<unknown> {
  return new Promise((resolve) => {
    const url = new URL(path, clientUrl);
    const options = {
      method,
      timeout: 1000,
      agent: false as const,
      ...(tls
        ? {
            ca: readFileSync(tls.caFile),
            cert: readFileSync(tls.certFile),
            key: readFileSync(tls.keyFile),
          }
        : {}),
    };
    const req = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, options, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => {
        try {
          resolve(JSON.parse(body));
        } catch {
          resolve(undefined);
        }
      });
      res.on("error", () => resolve(undefined));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve(undefined));
    req.end(method === "POST" ? "{}" : undefined);
  });
}

/**
 * Polls `/health` until it reports healthy: the condition, not a fixed sleep, is what the
 * caller waits for. Fails early when `alive()` turns false (the process exited), or at `deadline`.
 */
export async function waitHealthy(
  clientUrl: string,
  options: { tls?: TlsFiles; alive: () => boolean; timeoutMs: number; describe: () => string },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await probeHealth(clientUrl, options.tls)) return;
    if (!options.alive()) throw new Error(`etcd exited before it was ready: ${options.describe()}`);
    if (Date.now() > deadline) {
      throw new Error(`etcd not healthy after ${options.timeoutMs} ms: ${options.describe()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
