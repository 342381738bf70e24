#!/usr/bin/env node
// Local convenience for a shared checkout: copies the built @zmgr/cli and the built @zmgr/*
// packages it imports into a private directory, so a rebuild by someone else (tsdown cleans
// dist/) cannot pull the binaries away mid-suite. Prints the directory; run the suite with
// ZMGR_CLI_DIR=<that directory>/cli. CI does not need it (turbo builds first, nothing rebuilds).
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../../../", import.meta.url).pathname;
const out = process.argv[2] ?? join(tmpdir(), `zmgr-cli-snapshot-${Date.now()}`);
const done = new Map();

function snapshot(pkgDir) {
  const real = realpathSync(pkgDir);
  if (done.has(real)) return done.get(real);
  const name = JSON.parse(readFileSync(join(real, "package.json"), "utf8")).name;
  const dest = join(out, name.replace("@zmgr/", ""));
  done.set(real, dest);
  mkdirSync(join(dest, "node_modules"), { recursive: true });
  cpSync(join(real, "package.json"), join(dest, "package.json"));
  if (!existsSync(join(real, "dist"))) throw new Error(`${name} is not built: ${real}/dist`);
  cpSync(join(real, "dist"), join(dest, "dist"), { recursive: true });
  const nm = join(real, "node_modules");
  for (const entry of existsSync(nm) ? readdirSync(nm) : []) {
    if (entry.startsWith(".")) continue;
    const scoped = entry.startsWith("@")
      ? readdirSync(join(nm, entry)).map((e) => `${entry}/${e}`)
      : [entry];
    for (const dep of scoped) {
      const target = dep.startsWith("@zmgr/")
        ? snapshot(join(nm, dep))
        : realpathSync(join(nm, dep));
      mkdirSync(join(dest, "node_modules", dep, ".."), { recursive: true });
      symlinkSync(target, join(dest, "node_modules", dep));
    }
  }
  return dest;
}

console.log(snapshot(join(root, "apps/cli")));
