import { DEFAULT_CONFIG, type DocKind, parseDocument } from "@zmgr/kdl-schema";
import type { LoadedFile, Snapshot } from "@zmgr/registry";
import type { Files } from "./registry.js";

const KINDS: Record<string, DocKind> = {
  templates: "template",
  pools: "pool",
  zones: "zone",
  publishers: "publisher",
};

/**
 * A Snapshot parsed in memory with kdl-schema (no directory, no registry name checks): for
 * property tests that build hundreds of registries. Layout as the registry's.
 */
export function memorySnapshot(files: Files): Snapshot {
  const snapshot: Snapshot = {
    root: "/memory",
    config: DEFAULT_CONFIG,
    templates: new Map(),
    pools: new Map(),
    zones: new Map(),
    publishers: new Map(),
    diagnostics: [],
  };
  for (const [path, text] of Object.entries(files)) {
    const [dir, file] = path.split("/");
    if (path === "config.kdl") {
      const parsed = parseDocument("config", text, path);
      snapshot.configFile = { kind: "config", name: "config", path, parsed, version: "" };
      if (parsed.value) snapshot.config = parsed.value;
      snapshot.diagnostics.push(...parsed.diagnostics);
      continue;
    }
    const kind = KINDS[dir ?? ""];
    if (!kind || !file) throw new Error(`not a registry path: ${path}`);
    const name = file.replace(/\.kdl$/, "");
    const parsed = parseDocument(kind, text, path);
    snapshot.diagnostics.push(...parsed.diagnostics);
    const loaded = { kind, name, path, parsed, version: "" } as LoadedFile;
    const maps = {
      template: snapshot.templates,
      pool: snapshot.pools,
      zone: snapshot.zones,
      publisher: snapshot.publishers,
    };
    (maps[kind as Exclude<DocKind, "config">] as Map<string, LoadedFile>).set(name, loaded);
  }
  return snapshot;
}
