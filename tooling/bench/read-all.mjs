// The baseline for `create --dry-run` at scale: read every zone file once, and nothing else.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

const dir = process.argv[2];
const names = await readdir(dir);
await Promise.all(names.map((n) => readFile(join(dir, n), "utf8")));
