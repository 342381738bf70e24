import { mkdir, readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ZmgrError } from "@zmgr/errors";
import { writeAtomic } from "../atomic-write.js";
import { fileNameProblem } from "../names.js";
import { PushIncompleteError } from "../storage-errors.js";
import type { EtcdStorage } from "./etcd-storage.js";

const KIND_DIRS = new Set(["templates", "pools", "zones", "publishers", "hosts"]);

export interface PullReport {
  /** Files written, relative to the directory. */
  written: string[];
  /** Keys under the prefix that are not a document with a safe file name (claims and reservations aside). */
  skipped: string[];
  revision: string;
}

export class PullTargetNotEmptyError extends ZmgrError {
  constructor(dir: string) {
    super("zmgr::registry::pull_target_not_empty", `${dir} is not empty`, {
      help: "pull into an empty directory, or add --force to overwrite the documents there",
      details: { dir },
    });
  }
}

/**
 * The relative file a key is pulled to: `config.kdl` or `<kind>/<name>.kdl` with a name that is
 * one visible path component; undefined for anything else (claims, reservations, `../x.kdl`).
 */
export function pullPathOf(rest: string): string | undefined {
  if (rest === "config.kdl") return rest;
  const slash = rest.indexOf("/");
  if (slash < 0) return undefined;
  const kind = rest.slice(0, slash);
  const file = rest.slice(slash + 1);
  if (!KIND_DIRS.has(kind) || !file.endsWith(".kdl") || file.length <= 4) return undefined;
  if (fileNameProblem(file) !== undefined || /[\u0000-\u001f\u007f]/.test(file)) return undefined;
  return `${kind}/${file}`;
}

/**
 * `registry pull <url> <dir>` (SPEC §6): every document read at one revision, written atomically
 * (temp, fsync, rename) as its exact bytes, into an empty directory unless `force`.
 */
export async function pullRegistry(
  source: EtcdStorage,
  dir: string,
  o: { force?: boolean; url: string; pid?: number },
): Promise<PullReport> {
  const { kvs, revision } = await source.client.rangeAll(source.keys.all(), { prefix: true });
  if (kvs.some((kv) => kv.key === source.keys.pushMarker())) throw new PushIncompleteError(o.url);
  const present = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return [];
    throw err;
  });
  if (present.length > 0 && !o.force) throw new PullTargetNotEmptyError(dir);
  const written: string[] = [];
  const skipped: string[] = [];
  for (const kv of kvs) {
    const rest = kv.key.slice(source.keys.all().length);
    if (rest.startsWith("claims/") || rest.startsWith("reservations/")) continue;
    const path = pullPathOf(rest);
    if (path === undefined) {
      skipped.push(kv.key);
      continue;
    }
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeAtomic(target, Buffer.from(kv.value, "utf8"), o.pid ?? process.pid);
    written.push(path);
  }
  return { written, skipped, revision };
}
