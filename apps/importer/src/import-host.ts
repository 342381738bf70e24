import { isZmgrError } from "@zmgr/errors";
import { IllumosHost, type PlanResult, runPlan } from "@zmgr/illumos-exec";
import { printDocument, type Zone } from "@zmgr/kdl-schema";
import { buildLedger, requireReadableLedger } from "@zmgr/validate";
import { adoptZone } from "./adopt.js";
import { adoptContext, readZoneConfigs } from "./host-read.js";
import { buildImportPlan, stepId } from "./plan.js";
import { precheck, type RegisteredNames, skip } from "./skips.js";
import type { ImportOptions, ImportReport, ImportReportEntry } from "./types.js";

/**
 * Adopts zones that already exist on the host into the registry (SPEC §3.3). Reads
 * `zoneadm list -cp`, `dladm show-vnic` and the zone configurations (the zone files of
 * `zones-dir` in one `tar`, `zonecfg -z <zone> info` for a file that is unusable); never
 * changes the host.
 * With neither `names` nor `all` it only fills `candidates`.
 */
export async function importHost(opts: ImportOptions): Promise<ImportReport> {
  const host = new IllumosHost(opts.exec);
  const snapshot = await opts.registry.load();
  // the ledger fails closed: while a zone document cannot be parsed, nothing is adopted
  if (opts.names?.length || opts.all) {
    requireReadableLedger(snapshot, buildLedger(snapshot), "import zones");
  }
  const listed = await host.listZones();
  const byName = new Map(listed.map((z) => [z.name, z]));
  const registered: RegisteredNames = new Map(
    [...snapshot.zones.keys()].map((n) => [n.toLowerCase(), n]),
  );
  const report: ImportReport = {
    candidates: listed.filter((z) => !precheck(z.name, z, registered)).map((z) => z.name),
    entries: [],
    imported: 0,
    failed: 0,
    dryRun: opts.dryRun === true,
    interrupted: false,
    warnings: [],
  };
  const targets = opts.names?.length
    ? [...new Set(opts.names)]
    : opts.all
      ? listed.filter((z) => z.name !== "global").map((z) => z.name)
      : [];
  if (targets.length === 0) return report;

  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const ctx = await adoptContext(host, snapshot, today, report.warnings);
  const infos = await readZoneConfigs(host, targets, byName, registered, {
    zonesDir: opts.zonesDir ?? snapshot.config.zonesDir,
    ...(opts.onZoneConfig ? { onRead: opts.onZoneConfig } : {}),
  });
  const adopted: { zone: Zone; entry: ImportReportEntry }[] = [];
  for (const name of targets) {
    const listedZone = byName.get(name);
    // Checked again: a zone adopted earlier in this run may clash in case with this one.
    const skipped = precheck(name, listedZone, registered);
    if (skipped || !listedZone) {
      report.entries.push(skipped ?? skip(name, "zmgr::import::not_found", `no zone ${name}`, ""));
      continue;
    }
    const info = infos.get(name);
    if (!info) {
      const reason = `zone ${name} disappeared while the host was read`;
      report.entries.push(skip(name, "zmgr::import::not_found", reason, "run the import again"));
      continue;
    }
    const result = adoptZone(ctx, listedZone, info);
    report.entries.push(result.entry);
    if (result.zone) {
      result.entry.text = printDocument("zone", result.zone);
      adopted.push({ zone: result.zone, entry: result.entry });
      registered.set(name.toLowerCase(), name);
    }
  }
  if (opts.dryRun || adopted.length === 0) return report;

  const plan = buildImportPlan(
    opts.registry,
    adopted.map((a) => a.zone),
    { lockTimeoutMs: opts.lockTimeoutMs },
  );
  const result = await runPlan(plan, {
    exec: opts.exec,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onEvent ? { onEvent: opts.onEvent } : {}),
  });
  report.interrupted = isZmgrError(result.error) && result.error.code === "zmgr::plan::aborted";
  for (const { zone, entry } of adopted) settle(entry, zone, result, report.interrupted);
  report.imported = report.entries.filter((e) => e.outcome === "imported").length;
  report.failed = report.entries.filter((e) => e.outcome === "failed").length;
  return report;
}

/** Moves an entry from `would-import` to what the plan did with its step. */
function settle(
  entry: ImportReportEntry,
  zone: Zone,
  result: PlanResult,
  interrupted: boolean,
): void {
  const step = result.steps.find((s) => s.id === stepId(zone.name));
  if (step?.status === "done") {
    entry.outcome = "imported";
    return;
  }
  if (step?.status === "failed") {
    const error = result.error;
    entry.outcome = "failed";
    entry.reason = step.error?.message ?? (error instanceof Error ? error.message : String(error));
    entry.help = isZmgrError(error) ? error.help : "run the import again";
    if (step.error?.code) entry.code = step.error.code;
    return;
  }
  entry.outcome = "skipped";
  entry.code = "zmgr::import::not_attempted";
  entry.reason = interrupted
    ? "not written: the import was interrupted"
    : "not written: the import stopped at an earlier failure";
  entry.help = interrupted
    ? "run the import again to adopt the rest"
    : "run the import again once the failure is fixed";
}
