import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { basename } from "node:path";

export interface PackedPackage {
  name: string;
  version: string;
  tarball: string; // absolute path
  manifest: Record<string, unknown>; // the packed package.json
}

/**
 * A read-only npm registry on loopback serving only the packed @zmgr tarballs, as if they were
 * published. npm is pointed at it for the @zmgr scope alone (`@zmgr:registry=`), so every other
 * dependency comes from the real registry — exactly what a user gets after `changeset publish`.
 */
export async function startLocalRegistry(
  packages: readonly PackedPackage[],
): Promise<{ url: string; close(): Promise<void> }> {
  const files = new Map<string, Buffer>();
  for (const p of packages) files.set(basename(p.tarball), await readFile(p.tarball));

  let base = "";
  const packument = (name: string) => {
    const versions: Record<string, unknown> = {};
    for (const p of packages.filter((q) => q.name === name)) {
      const data = files.get(basename(p.tarball))!;
      versions[p.version] = {
        ...p.manifest,
        _id: `${p.name}@${p.version}`,
        dist: {
          tarball: `${base}/-/${basename(p.tarball)}`,
          integrity: `sha512-${createHash("sha512").update(data).digest("base64")}`,
          shasum: createHash("sha1").update(data).digest("hex"),
        },
      };
    }
    const latest = Object.keys(versions).at(-1);
    return latest ? { name, "dist-tags": { latest }, versions } : undefined;
  };

  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (path.startsWith("/-/")) {
      const data = files.get(path.slice(3));
      if (data) {
        res.writeHead(200, { "content-type": "application/octet-stream" }).end(data);
        return;
      }
    } else {
      const doc = packument(path.slice(1));
      if (doc) {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(doc));
        return;
      }
    }
    res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not_found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
