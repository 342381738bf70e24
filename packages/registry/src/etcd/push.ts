import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ZmgrError } from "@zmgr/errors";
import { DOC_KINDS } from "@zmgr/kdl-schema";
import { claimKeyOf, claimsOfZone, formatClaim, zoneOfText } from "../claims.js";
import { DirectoryStorage } from "../dir-storage.js";
import { fileNameProblem } from "../names.js";
import { relativePath } from "../storage.js";
import { CommitRefusedError, UnreadableLedgerError } from "../storage-errors.js";
import { type BatchItem, sendBatched } from "./batch.js";
import type { EtcdStorage } from "./etcd-storage.js";

export const MOVED_FILE = ".zmgr-moved";

export interface PushOptions {
  /** The host written into the claims of zones that do not name one (`--host`). */
  host: string;
  /** Replace the documents an etcd prefix already holds. */
  force?: boolean;
  /** The URL as the admin wrote it, for the marker and `.zmgr-moved`. */
  url: string;
  lockTimeoutMs?: number;
  now?: () => Date;
}

export interface PushReport {
  documents: number;
  claims: number;
  resumed: boolean;
}

/** The prefix already holds documents and this is neither `--force` nor the resume of a push. */
export class PushTargetNotEmptyError extends ZmgrError {
  constructor(url: string, count: number) {
    super("zmgr::registry::push_target_not_empty", `${url} already holds ${count} key(s)`, {
      help: "push to an empty prefix, or add --force to replace the documents there",
      details: { url, count },
    });
  }
}

/** A zone is being created: its document is about to change, so it cannot be moved now. */
export class PushWhileCreatingError extends ZmgrError {
  constructor(zones: string[]) {
    super("zmgr::registry::push_while_creating", `zone(s) ${zones.join(", ")} are being created`, {
      help: "wait for those creates to finish (or clean up interrupted ones with `zmgr destroy`), then push again",
      details: { zones },
    });
  }
}

/**
 * `registry push <dir> <url>` (SPEC §6): under the directory's lock, refuses while a zone is
 * `creating`, writes `<prefix>/.push` first, every document as its exact bytes (plus
 * `hosts/*.kdl`), the claims of every zone (`--host` for the host), deletes the marker last,
 * then writes `<dir>/.zmgr-moved` naming the URL. Re-running after an interruption resumes.
 */
export async function pushRegistry(
  dir: string,
  target: EtcdStorage,
  o: PushOptions,
): Promise<PushReport> {
  const source = new DirectoryStorage(dir);
  const lock = await source.lock({ timeoutMs: o.lockTimeoutMs ?? 30_000 });
  try {
    const docs: { key: string; text: string }[] = [];
    const claims: BatchItem[] = [];
    const creating: string[] = [];
    const unreadable: string[] = [];
    const claimed = new Map<string, string>();
    for (const kind of DOC_KINDS) {
      const names = await source.list(kind);
      for (const [name, doc] of await source.readMany(kind, names)) {
        const text = Buffer.from(doc.text).toString("utf8"); // readMany may hand out a shared buffer
        docs.push({ key: target.keys.doc(kind, name), text });
        if (kind !== "zone") continue;
        const zone = zoneOfText(text, relativePath("zone", name));
        if (zone === undefined) {
          unreadable.push(relativePath("zone", name));
          continue;
        }
        if (zone.status?.state === "creating") creating.push(name);
        for (const claim of claimsOfZone(zone, o.host, "")) {
          const k = claimKeyOf(claim.address);
          if (k === undefined) continue;
          const other = claimed.get(k);
          if (other !== undefined && other !== name) {
            throw new CommitRefusedError(
              relativePath("zone", name),
              `${claim.address} is also held by zone ${other}`,
            );
          }
          claimed.set(k, name);
          claims.push({ ops: [{ put: { key: target.keys.claim(k), value: formatClaim(claim) } }] });
        }
      }
    }
    for (const file of await hostFiles(dir)) {
      docs.push({
        key: `${target.keys.prefix}/hosts/${file}`,
        text: await readFile(join(dir, "hosts", file), "utf8"),
      });
    }
    if (creating.length > 0) throw new PushWhileCreatingError(creating);
    if (unreadable.length > 0) throw new UnreadableLedgerError(unreadable);
    const marker = target.keys.pushMarker();
    const existing = await target.client.rangeAll(target.keys.all(), {
      prefix: true,
      keysOnly: true,
    });
    const resumed = existing.kvs.some((kv) => kv.key === marker);
    if (!resumed && !o.force && existing.kvs.length > 0)
      throw new PushTargetNotEmptyError(o.url, existing.kvs.length);
    await target.client.put(
      marker,
      `push from ${dir} at ${(o.now?.() ?? new Date()).toISOString()}\n`,
    );
    // a resumed or forced push starts the claims over: stale ones from an earlier attempt go
    await target.client.deleteRange(target.keys.claims(), { prefix: true });
    await sendBatched(
      target.client,
      docs.map((d) => ({ ops: [{ put: { key: d.key, value: d.text } }] })),
    );
    await sendBatched(target.client, claims);
    await target.client.deleteRange(marker);
    await writeFile(join(dir, MOVED_FILE), `${o.url}\n`);
    return { documents: docs.length, claims: claims.length, resumed };
  } finally {
    await lock.release();
  }
}

async function hostFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(dir, "hosts"), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".kdl") && fileNameProblem(e.name) === undefined)
    .map((e) => e.name)
    .sort();
}
