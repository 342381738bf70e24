import { formatDocument } from "@zmgr/kdl-schema";
import type { LoadedFile } from "@zmgr/registry";
import type { Invocation } from "../../shared/kit.js";
import { openSession } from "../../shared/session.js";

export async function runFmt(inv: Invocation, check: boolean): Promise<void> {
  const s = await openSession(inv);
  const write = !check && !inv.globals.dryRun;
  const results = await s.registry.withLock(
    async (snap) => {
      const files: LoadedFile[] = [
        ...(snap.configFile ? [snap.configFile] : []),
        ...snap.templates.values(),
        ...snap.pools.values(),
        ...snap.publishers.values(),
        ...snap.zones.values(),
      ];
      // the registry refuses to write under such a name: leave those files to `zmgr validate`
      const badNames = new Set(
        snap.diagnostics.flatMap((d) =>
          d.code === "zmgr::registry::invalid_name" && d.file !== undefined ? [d.file] : [],
        ),
      );
      const out: { file: string; changed: boolean; upgraded: boolean; skipped?: string }[] = [];
      for (const f of files) {
        if (badNames.has(f.path)) {
          out.push({
            file: f.path,
            changed: false,
            upgraded: false,
            skipped: "its file name is no valid name (see `zmgr validate`)",
          });
          continue;
        }
        const r = formatDocument(f.parsed.text, f.path);
        if (r.diagnostics.some((d) => d.severity === "error")) {
          out.push({
            file: f.path,
            changed: false,
            upgraded: false,
            skipped: "has syntax errors (see `zmgr validate`)",
          });
          continue;
        }
        // through the registry (its storage, compare-and-swap against the version read)
        if (r.changed && write) await s.registry.putText(f.kind, f.name, r.text, f);
        out.push({ file: f.path, changed: r.changed, upgraded: r.upgraded });
      }
      return out;
    },
    { timeoutMs: s.lockTimeoutMs, onNote: (m) => s.out.note(m) },
  );
  const changed = results.filter((r) => r.changed);
  if (check && changed.length > 0) inv.ctx.exitCode = 1;
  if (s.out.json) {
    s.out.printJson({ check, files: results });
    return;
  }
  for (const r of results) {
    if (r.skipped) s.out.warn(`${r.file}: skipped, ${r.skipped}`);
    else if (r.changed) {
      const verb = write ? "formatted" : "would format";
      s.out.line(`${verb} ${r.file}${r.upgraded ? " (KDL v1 → v2)" : ""}`);
    }
  }
  s.out.line(
    changed.length === 0
      ? "all files are formatted"
      : `${changed.length} file(s) ${write ? "rewritten" : "need formatting"}`,
  );
}
