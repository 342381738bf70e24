import type { Diagnostic } from "@zmgr/errors";
import { checkEntityName, DEFAULT_CONFIG, type DocKind, parseDocument } from "@zmgr/kdl-schema";
import { type LoadedFile, mapLimit, type Snapshot } from "./snapshot.js";
import { ENTITY_KINDS, relativePath, type Storage, type StoredDocument } from "./storage.js";

/** Reads in flight at once for storages without readMany: far below any fd limit. */
const READ_CONCURRENCY = 64;

type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * Loads the whole registry into one Snapshot; problems become diagnostics, not throws.
 * Every file is read afresh; a file whose bytes equal those in `previous` (an earlier snapshot
 * of the same registry) keeps that snapshot's parse instead of being parsed again.
 */
export async function loadSnapshot(
  storage: Storage,
  root: string,
  previous?: Snapshot,
): Promise<Snapshot> {
  const configNames = await storage.list("config"); // also fails clearly when the root is missing
  const lists = await Promise.all(ENTITY_KINDS.map((k) => storage.list(k)));
  const kinds: [DocKind, string[]][] = [["config", configNames]];
  ENTITY_KINDS.forEach((kind, i) => {
    kinds.push([kind, (lists[i] ?? []).sort()]);
  });
  const loaded = (
    await Promise.all(
      kinds.map(([kind, names]) =>
        loadKind(storage, kind, names, previous && filesOf(previous, kind)),
      ),
    )
  ).flat();

  const snapshot: Snapshot = {
    root,
    config: DEFAULT_CONFIG,
    templates: new Map(),
    pools: new Map(),
    zones: new Map(),
    publishers: new Map(),
    diagnostics: [],
  };
  for (const file of loaded) {
    snapshot.diagnostics.push(...file.parsed.diagnostics, ...nameDiagnostics(file));
    if (file.kind === "config") {
      const config = file as LoadedFile<"config">;
      snapshot.configFile = config;
      if (config.parsed.value) snapshot.config = config.parsed.value;
    } else {
      mapOf(snapshot, file.kind).set(file.name, file as never);
    }
  }
  for (const kind of ENTITY_KINDS) {
    snapshot.diagnostics.push(...caseClashes(kind, [...mapOf(snapshot, kind).keys()]));
  }
  return snapshot;
}

export function mapOf(snapshot: Snapshot, kind: EntityKind): Map<string, LoadedFile> {
  const maps = {
    template: snapshot.templates,
    pool: snapshot.pools,
    zone: snapshot.zones,
    publisher: snapshot.publishers,
  } satisfies Record<EntityKind, Map<string, LoadedFile>>;
  return maps[kind] as Map<string, LoadedFile>;
}

function filesOf(snapshot: Snapshot, kind: DocKind): Map<string, LoadedFile> {
  if (kind !== "config") return mapOf(snapshot, kind);
  const config = snapshot.configFile;
  return new Map(config ? [[config.name, config as LoadedFile]] : []);
}

async function loadKind(
  storage: Storage,
  kind: DocKind,
  names: string[],
  previous?: Map<string, LoadedFile>,
): Promise<LoadedFile[]> {
  const docs = storage.readMany
    ? await storage.readMany(kind, names)
    : new Map(
        (
          await mapLimit(
            names,
            READ_CONCURRENCY,
            async (n) => [n, await storage.read(kind, n)] as const,
          )
        ).filter((e): e is readonly [string, StoredDocument] => e[1] !== undefined),
      );
  const out: LoadedFile[] = [];
  for (const name of names) {
    const doc = docs.get(name);
    if (doc === undefined) continue; // removed between list and read
    const path = relativePath(kind, name);
    const before = previous?.get(name);
    const parsed =
      before &&
      before.path === path &&
      before.version === doc.version &&
      before.parsed.text === doc.text
        ? before.parsed
        : parseDocument(kind, doc.text, path);
    out.push({ kind, name, path, parsed, version: doc.version } as LoadedFile);
  }
  return out;
}

function nameDiagnostics(file: LoadedFile): Diagnostic[] {
  if (file.kind === "config") return [];
  const out: Diagnostic[] = [];
  const nodeName = file.parsed.name;
  if (nodeName !== undefined && nodeName !== file.name) {
    out.push({
      code: "zmgr::registry::name_mismatch",
      severity: "error",
      message: `${file.path} holds ${file.kind} "${nodeName}", but its file name says "${file.name}"`,
      help: `rename the file to ${relativePath(file.kind, nodeName)} or the ${file.kind} to "${file.name}"`,
      file: file.path,
      path: [file.kind],
    });
  }
  const problem = file.kind === "zone" ? undefined : checkEntityName(file.name);
  if (problem !== undefined) {
    out.push({
      code: "zmgr::registry::invalid_name",
      severity: "error",
      message: `invalid ${file.kind} name in file name ${file.path}: ${problem}`,
      help: "rename the file and its node: letters, digits, '_', '.' and '-', at most 64 characters",
      file: file.path,
    });
  }
  return out;
}

/** Two names differing only in case collide on case-insensitive file systems: refuse them. */
export function caseClashes(kind: EntityKind, names: string[]): Diagnostic[] {
  const seen = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const name of [...names].sort()) {
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, name);
      continue;
    }
    const path = relativePath(kind, name);
    out.push({
      code: "zmgr::registry::case_clash",
      severity: "error",
      message: `${path} and ${relativePath(kind, first)} differ only in case`,
      help: `rename one of them: names that differ only in case collide on case-insensitive file systems`,
      file: path,
    });
  }
  return out;
}
