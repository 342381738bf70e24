import { type Files, writeFiles } from "@zmgr/test-builders";
import { tempDir } from "./tmp.js";

export { SPEC_REGISTRY } from "@zmgr/test-builders";

/** A registry in a fresh temp directory with the given files (paths relative to the root). */
export async function registryWith(files: Files): Promise<string> {
  const root = await tempDir();
  await writeFiles(root, files);
  return root;
}
