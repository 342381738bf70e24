import { describePlan, type IllumosHost, type Plan, type ZonecfgNet } from "@zmgr/illumos-exec";
import type { Zone, ZoneNet } from "@zmgr/kdl-schema";
import type { Registry } from "@zmgr/registry";
import type { Output } from "../../shared/output.js";
import { formatArgv } from "../../shared/verbose-executor.js";

/** A zonecfg net resource as zmgr names it: its physical link and its one address. */
export interface NetResource {
  physical: string;
  address: string;
}

/** The resources of `wanted` that the zone's live configuration has now. */
export async function liveResources(
  host: IllumosHost,
  zone: string,
  ipType: "exclusive" | "shared",
  wanted: NetResource[],
): Promise<NetResource[]> {
  const info = await host.zoneInfo(zone);
  const have = (info?.nets ?? []).map((n: ZonecfgNet) => ({
    physical: n.physical ?? "",
    address: (ipType === "exclusive" ? n.allowedAddress : n.address) ?? "",
  }));
  return wanted.filter((w) =>
    have.some((h) => h.physical === w.physical && h.address === w.address),
  );
}

/** Read-modify-write of one zone document under the lock (format kept). */
export async function editZoneNets(
  registry: Registry,
  zone: string,
  edit: (nets: ZoneNet[]) => ZoneNet[],
  timeoutMs: number,
): Promise<void> {
  await registry.withLock(
    async (snap) => {
      const file = snap.zones.get(zone);
      const value = file?.parsed.value;
      if (!file || !value) throw new Error(`zones/${zone}.kdl is gone or unreadable`);
      const next: Zone = { ...value, nets: edit(value.nets) };
      await registry.put("zone", next, file);
    },
    { timeoutMs },
  );
}

/** --dry-run: every step and its commands, or `extra` plus the plan as JSON. */
export function renderNetDryRun(
  out: Output,
  plan: Plan,
  extra: Record<string, unknown>,
  lines: string[],
): void {
  const described = describePlan(plan);
  if (out.json) {
    out.printJson({ dryRun: true, ...extra, plan: described });
    return;
  }
  const { c } = out;
  out.line(`${c.bold("dry run")}: ${described.title}; nothing was changed`);
  for (const l of lines) out.line(l);
  out.line(c.bold("steps:"));
  described.steps.forEach((st, i) => {
    out.line(`  ${i + 1}. ${st.title}`);
    for (const argv of st.commands) out.line(`     ${c.dim("$")} ${formatArgv(argv)}`);
  });
}
