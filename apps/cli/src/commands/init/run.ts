import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { ZmgrError } from "@zmgr/errors";
import type { DocKind, DocValueMap } from "@zmgr/kdl-schema";
import type { Invocation } from "../../shared/kit.js";
import { openSession, resolveRoot } from "../../shared/session.js";
import { STARTER } from "./starter.js";

/** `zmgr init`: the starter registry of SPEC §2; prints the etherstubs still to create. */
export async function runInit(inv: Invocation, force: boolean): Promise<void> {
  const root = resolveRoot(inv);
  if (inv.globals.dryRun && !existsSync(root)) {
    const files = STARTER.map((d) => pathOf(d.kind, d.name));
    if (inv.globals.json) inv.out.printJson({ root, dryRun: true, files, written: [] });
    else inv.out.line(`dry run: would create ${root} with ${files.join(", ")}`);
    return;
  }
  if (!inv.globals.dryRun) await mkdir(join(root, "zones"), { recursive: true });
  const s = await openSession(inv);
  const existing = STARTER.filter((d) => fileOf(s.snapshot, d.kind, d.name) !== undefined);
  const anyZones = s.snapshot.zones.size > 0;
  if (existing.length > 0 && !force) {
    throw new ZmgrError(
      "zmgr::init::exists",
      `${root} already holds a registry (${existing.map((d) => pathOf(d.kind, d.name)).join(", ")})`,
      {
        help: "pass --force to overwrite the starter files (zones are never touched)",
        details: { root, files: existing.map((d) => pathOf(d.kind, d.name)) },
      },
    );
  }
  const written: string[] = [];
  if (!inv.globals.dryRun) {
    await s.registry.withLock(
      async (snap) => {
        for (const d of STARTER) {
          const prev = fileOf(snap, d.kind, d.name);
          // biome-ignore lint/suspicious/noExplicitAny: one starter list over every kind
          await s.registry.put(d.kind, d.value as any, prev as any);
          written.push(pathOf(d.kind, d.name));
        }
      },
      { timeoutMs: s.lockTimeoutMs, onNote: (m) => s.out.note(m) },
    );
  }
  const stubs = [
    ...new Set(
      STARTER.flatMap((d) => (d.kind === "pool" ? [(d.value as DocValueMap["pool"]).stub] : [])),
    ),
  ];
  let missing = stubs;
  let hostKnown = true;
  try {
    const links = new Set((await s.host.showLinks()).map((l) => l.link));
    missing = stubs.filter((x) => !links.has(x));
  } catch {
    hostKnown = false;
  }
  const commands = missing.map((x) => `dladm create-etherstub ${x}`);
  if (s.out.json) {
    s.out.printJson({
      root,
      dryRun: inv.globals.dryRun,
      files: STARTER.map((d) => pathOf(d.kind, d.name)),
      written,
      createStubs: commands,
      zonesKept: anyZones,
    });
    return;
  }
  s.out.line(
    `${s.out.c.green("✔")} ${inv.globals.dryRun ? "would write" : "wrote"} a starter registry in ${root}`,
  );
  for (const f of STARTER) s.out.line(`  ${pathOf(f.kind, f.name)}`);
  if (commands.length > 0) {
    s.out.line(
      hostKnown
        ? "create the missing etherstubs on the host:"
        : "create the etherstubs if the host lacks them:",
    );
    for (const c of commands) s.out.line(`  ${c}`);
  }
}

function pathOf(kind: DocKind, name: string): string {
  return kind === "config" ? "config.kdl" : `${kind}s/${name}.kdl`;
}

function fileOf(
  snap: Awaited<ReturnType<typeof openSession>>["snapshot"],
  kind: DocKind,
  name: string,
) {
  switch (kind) {
    case "config":
      return snap.configFile;
    case "template":
      return snap.templates.get(name);
    case "pool":
      return snap.pools.get(name);
    case "publisher":
      return snap.publishers.get(name);
    case "zone":
      return snap.zones.get(name);
  }
}
