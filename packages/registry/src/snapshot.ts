import type { Diagnostic } from "@zmgr/errors";
import type { Config, DocKind, Parsed } from "@zmgr/kdl-schema";

/** One registry document as loaded: where it is, what it says, and its version for CAS. */
export interface LoadedFile<K extends DocKind = DocKind> {
  kind: K;
  /** The file name without `.kdl` (for config: "config"). */
  name: string;
  /** Relative to the registry root, e.g. `pools/internal.kdl`. */
  path: string;
  parsed: Parsed<K>;
  /** Opaque etag of the exact bytes read. */
  version: string;
}

/** Everything in the registry at one moment, with every problem found while loading it. */
export interface Snapshot {
  root: string;
  /** config.kdl's value, or the defaults when the file is missing or unusable. */
  config: Config;
  configFile?: LoadedFile<"config">;
  templates: Map<string, LoadedFile<"template">>;
  pools: Map<string, LoadedFile<"pool">>;
  zones: Map<string, LoadedFile<"zone">>;
  publishers: Map<string, LoadedFile<"publisher">>;
  /** Parse diagnostics + name_mismatch + case_clash + invalid_name. */
  diagnostics: Diagnostic[];
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping results in input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
