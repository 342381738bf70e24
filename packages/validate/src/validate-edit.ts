import type { Diagnostic } from "@zmgr/errors";
import { type DocValueMap, parseDocument, printDocument, updateDocument } from "@zmgr/kdl-schema";
import { caseClashes, type LoadedFile, type Snapshot } from "@zmgr/registry";
import type { ValidateOptions } from "./types.js";
import { validateSnapshot } from "./validate-snapshot.js";

type EntityKind = "template" | "pool" | "zone" | "publisher";

/** One registry change: a whole new or edited value, or the removal of a file. */
export type Edit =
  | { [K in EntityKind]: { kind: K; value: DocValueMap[K] } }[EntityKind]
  | { kind: EntityKind; remove: string };

const DIRS: Record<EntityKind, string> = {
  template: "templates",
  pool: "pools",
  zone: "zones",
  publisher: "publishers",
};

function filesOf(snapshot: Snapshot, kind: EntityKind): Map<string, LoadedFile> {
  const maps = {
    template: snapshot.templates,
    pool: snapshot.pools,
    zone: snapshot.zones,
    publisher: snapshot.publishers,
  };
  return maps[kind] as Map<string, LoadedFile>;
}

/**
 * The snapshot as it would be after the edits. An edited file gets the text the registry would
 * write (format-preserving `updateDocument`, or `printDocument` for a new file), parsed for real.
 */
export function applyEdits(snapshot: Snapshot, edits: readonly Edit[]): Snapshot {
  const next: Snapshot = {
    ...snapshot,
    templates: new Map(snapshot.templates),
    pools: new Map(snapshot.pools),
    zones: new Map(snapshot.zones),
    publishers: new Map(snapshot.publishers),
  };
  const touched = new Set<string>();
  const added: Diagnostic[] = [];
  for (const edit of edits) {
    const files = filesOf(next, edit.kind);
    if ("remove" in edit) {
      const gone = files.get(edit.remove);
      if (gone) touched.add(gone.path);
      files.delete(edit.remove);
      continue;
    }
    const name = edit.value.name;
    const previous = files.get(name);
    const path = previous?.path ?? `${DIRS[edit.kind]}/${name}.kdl`;
    const text = previous
      ? updateDocument(previous.parsed as never, edit.value as never).text
      : printDocument(edit.kind, edit.value as never);
    const parsed = parseDocument(edit.kind, text, path);
    touched.add(path);
    added.push(...parsed.diagnostics);
    files.set(name, {
      kind: edit.kind,
      name,
      path,
      parsed,
      version: previous?.version ?? "",
    } as LoadedFile);
  }
  // the edited files' own findings replace their old ones; case clashes are recomputed
  next.diagnostics = [
    ...snapshot.diagnostics.filter(
      (d) =>
        d.code !== "zmgr::registry::case_clash" && (d.file === undefined || !touched.has(d.file)),
    ),
    ...added,
    ...(Object.keys(DIRS) as EntityKind[]).flatMap((k) =>
      caseClashes(k, [...filesOf(next, k).keys()]),
    ),
  ];
  return next;
}

function signature(d: Diagnostic): string {
  return [d.code, d.file ?? "", (d.path ?? []).join("."), d.message].join("\u0000");
}

/**
 * The pre-flight of pool, template, publisher and import edits: the full rule set over the
 * registry as it would be afterwards, reporting only what the edits introduce (problems that
 * were already there are `zmgr validate`'s business). Removing a pool a template still uses
 * surfaces as the template's dangling reference, and so on.
 */
export function validateEdits(
  snapshot: Snapshot,
  edits: readonly Edit[],
  opts: ValidateOptions = {},
): Diagnostic[] {
  const before = new Set(validateSnapshot(snapshot, opts).map(signature));
  const after = validateSnapshot(applyEdits(snapshot, edits), opts);
  return after.filter((d) => !before.has(signature(d)));
}
