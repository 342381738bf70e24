import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** A registry as files: path relative to the root → text. */
export type Files = Record<string, string>;

/** Writes every file below `root`, creating directories as needed. */
export async function writeFiles(root: string, files: Files): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}
