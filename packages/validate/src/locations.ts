import type { Diagnostic } from "@zmgr/errors";
import { locate } from "@zmgr/kdl-schema";
import type { LoadedFile, Snapshot } from "@zmgr/registry";

/** The loaded files of a snapshot by registry-relative path. */
export function filesByPath(snapshot: Snapshot): Map<string, LoadedFile> {
  const files = new Map<string, LoadedFile>();
  if (snapshot.configFile) files.set(snapshot.configFile.path, snapshot.configFile);
  for (const group of [snapshot.templates, snapshot.pools, snapshot.zones, snapshot.publishers]) {
    for (const file of group.values()) files.set(file.path, file as LoadedFile);
  }
  return files;
}

/**
 * Fills `location` (file:line:column) of each diagnostic that has a file but no location yet, by re-parsing with locations just the files that have such diagnostics.
 * Files are parsed plainly by the registry; this is the on-demand second pass.
 */
export function withLocations(snapshot: Snapshot, diags: Diagnostic[]): Diagnostic[] {
  const needs = diags.some((d) => !d.location && d.file !== undefined);
  if (!needs) return diags;
  const files = filesByPath(snapshot);
  return diags.map((d) => {
    if (d.location || d.file === undefined) return d;
    const file = files.get(d.file);
    if (!file) return d;
    // no path (e.g. a whole-file finding): the document's node; kdl-schema falls back to the
    // nearest enclosing value itself
    const path = d.path ?? [file.kind];
    const location = locate(file.parsed.text, d.file, path);
    return location ? { ...d, location } : d;
  });
}
