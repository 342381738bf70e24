import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DocKind } from "../src/types.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

export interface Fixture {
  file: string;
  kind: DocKind;
  text: string;
}

/** Fixture files are named `<kind>-<topic>.kdl` (or `config*.kdl`). */
export function fixtures(dir: "valid" | "invalid"): Fixture[] {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".kdl"))
    .sort()
    .map((f) => ({
      file: f,
      kind: f.split(/[-.]/)[0] as DocKind,
      text: readFileSync(join(root, dir, f), "utf8"),
    }));
}

export function expected(file: string): unknown {
  return JSON.parse(
    readFileSync(join(root, "invalid", file.replace(/\.kdl$/, ".expected.json")), "utf8"),
  );
}
