// The baseline for `create --dry-run` at scale: read every zone file once, and nothing else.
// Synchronous reads: on this machine they beat the thread pool for many small files.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
let bytes = 0;
for (const name of readdirSync(dir)) bytes += readFileSync(join(dir, name), "utf8").length;
if (bytes === 0) process.exit(1);
