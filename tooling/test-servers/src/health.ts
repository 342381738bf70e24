import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export interface TlsFiles {
  caFile: string;
  certFile: string;
  keyFile: string;
}

/** One GET of etcd's `/health`: true iff it answers `{"health":"true"}` (a leader, no alarm). */
export function probeHealth(clientUrl: string, tls?: TlsFiles): Promise<boolean> {
  return new Promise((resolve) => {
    const url = new URL("/health", clientUrl);
    const options = {
      method: "GET",
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
          resolve((JSON.parse(body) as { health?: unknown }).health === "true");
        } catch {
          resolve(false);
        }
      });
      res.on("error", () => resolve(false));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve(false));
    req.end();
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
