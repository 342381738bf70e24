// Assertions about a registry directory as a whole, shared by the suites.
import { type DocKind, parseDocument, type Zone } from "@zmgr/kdl-schema";

const KIND_OF_DIR: Record<string, DocKind> = {
  templates: "template",
  pools: "pool",
  zones: "zone",
  publishers: "publisher",
};

/** Registry paths that are not `<kind>/<name>.kdl` or config.kdl (temp files, stray locks). */
export function strayFiles(files: Record<string, string>): string[] {
  return Object.keys(files).filter((p) => kindOf(p) === undefined);
}

function kindOf(path: string): DocKind | undefined {
  if (path === "config.kdl") return "config";
  const m = /^(templates|pools|zones|publishers)\/[^/]+\.kdl$/.exec(path);
  return m ? KIND_OF_DIR[m[1] ?? ""] : undefined;
}

/** Every registry document that fails to parse: path → the error messages (empty when all parse). */
export function unparsable(files: Record<string, string>): Record<string, string[]> {
  const bad: Record<string, string[]> = {};
  for (const [path, text] of Object.entries(files)) {
    const kind = kindOf(path);
    if (kind === undefined) continue;
    const parsed = parseDocument(kind, text, path);
    const errors = parsed.diagnostics.filter((d) => d.severity === "error");
    if (parsed.value === undefined || errors.length > 0)
      bad[path] = errors.length ? errors.map((d) => `${d.code}: ${d.message}`) : ["no value"];
  }
  return bad;
}

/** The zones of the registry, parsed (call `unparsable` first). */
export function registryZones(files: Record<string, string>): Map<string, Zone> {
  const zones = new Map<string, Zone>();
  for (const [path, text] of Object.entries(files)) {
    if (kindOf(path) !== "zone") continue;
    const zone = parseDocument("zone", text, path).value;
    if (zone) zones.set(zone.name, zone);
  }
  return zones;
}

export interface DriftJson {
  drift: boolean;
  items: { kind: string; zone: string; message: string; help: string; cleanup?: string[] }[];
}
