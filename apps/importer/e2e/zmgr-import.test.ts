import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SimHost } from "@zmgr/illumos-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TempRegistry, tempRegistry } from "../src/test-helpers.js";

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/bin.js");

function zmgrImport(args: string[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      // A guard against a hung process (below the e2e test timeout), not a speed limit.
      { env: { PATH: process.env.PATH, NO_COLOR: "1", ...env }, timeout: 240_000 },
      (error, stdout, stderr) => {
        if (error?.killed) {
          done({ code: 124, stdout, stderr: `${stderr}\n[test] killed after 240 s\n` });
          return;
        }
        done({
          code: error ? (typeof error.code === "number" ? error.code : 1) : 0,
          stdout,
          stderr,
        });
      },
    );
  });
}

let reg: TempRegistry;
let dir: string;
let state: string;
beforeAll(async () => {
  reg = await tempRegistry();
  dir = await mkdtemp(join(tmpdir(), "zmgr-import-e2e-"));
  state = join(dir, "sim.json");
  const sim = SimHost.fresh()
    .withLink({ name: "web1_0", class: "vnic", over: "oinetint0" })
    .withZone({
      name: "web1",
      brand: "ipkg",
      state: "running",
      nets: [{ physical: "web1_0", allowedAddress: "10.1.0.11/24", defrouter: "10.1.0.1" }],
    });
  await writeFile(state, JSON.stringify(sim.toJSON()));
});
afterAll(async () => {
  await reg.cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe("zmgr-import (built bin, file-backed simulator)", () => {
  it("lists candidates (exit 2), imports them, and imports nothing the second time", async () => {
    const common = ["--simulate", "--sim-state", state, "--registry", reg.root];
    const listing = await zmgrImport(common);
    expect(listing).toMatchObject({ code: 2, stderr: "" });
    expect(listing.stdout).toContain("  web1\n");

    const first = await zmgrImport(["--all", ...common]);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toContain("✔ web1 imported, template oi");
    expect(await readdir(join(reg.root, "zones"))).toEqual(["web1.kdl"]);

    const second = await zmgrImport(["--all", "--json", ...common]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      imported: 0,
      entries: [{ zone: "web1", outcome: "skipped" }],
    });
  });

  it("prints --help without touching anything", async () => {
    const help = await zmgrImport(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: zmgr-import [options] [names...]");
  });
});
