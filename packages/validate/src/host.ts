import type { Diagnostic } from "@zmgr/errors";
import type { Snapshot } from "@zmgr/registry";
import { addressText, type HostIndex, type RuleContext } from "./context.js";
import { at, diag } from "./diagnostic.js";
import { liveAddresses } from "./ledger.js";
import type { HostFacts, ZoneSubject } from "./types.js";

/** Link classes a VNIC may be created over (exclusive-IP stubs). */
export const EXCLUSIVE_STUB_CLASSES: readonly string[] = ["etherstub", "phys", "aggr"];

/** A registry zone (not a reservation in progress) must exist on the host. */
export function checkZoneOnHost(host: HostIndex, z: ZoneSubject): Diagnostic[] {
  if (z.zone.status || host.zones.has(z.name)) return [];
  const t = z.zone.template === undefined ? "" : ` -t ${z.zone.template}`;
  return [
    diag(
      "zmgr::host::zone_missing",
      "warning",
      `zone "${z.name}" is in the registry but not on this host`,
      `\`zmgr destroy ${z.name} --yes\` drops the stale entry and frees its addresses; then \`zmgr create ${z.name}${t}\` if you still want it`,
      z.file,
      ["zone"],
    ),
  ];
}

/** Pre-flight: the proposed zone must not exist on the host. */
export function checkZoneFreeOnHost(host: HostIndex, z: ZoneSubject): Diagnostic[] {
  const live = host.zones.get(z.name);
  if (!live) return [];
  return [
    diag(
      "zmgr::host::zone_exists",
      "error",
      `zone "${z.name}" already exists on this host (${live.state})`,
      `choose another name, or adopt the existing zone with \`zmgr import ${z.name}\``,
      z.file,
      ["zone"],
    ),
  ];
}

/** Host zones zmgr does not know (hand-made): informational, reported as warnings. */
export function checkUnregisteredHostZones(snapshot: Snapshot, host: HostFacts): Diagnostic[] {
  return host.zones
    .filter((z) => z.name !== "global" && !snapshot.zones.has(z.name))
    .map((z) =>
      diag(
        "zmgr::host::zone_unregistered",
        "warning",
        `zone "${z.name}" (${z.brand}, ${z.state}) exists on this host but not in the registry`,
        `adopt it with \`zmgr import ${z.name}\` so its addresses are never handed out again`,
      ),
    );
}

/** Every VNIC of a registry zone must exist, over the stub the registry records. */
export function checkZoneVnicsOnHost(
  ctx: RuleContext,
  host: HostIndex,
  z: ZoneSubject,
): Diagnostic[] {
  if (z.zone.status) return [];
  const out: Diagnostic[] = [];
  z.zone.nets.forEach((net, n) => {
    if (net.vnic === undefined) return;
    const stub = net.stub ?? ctx.pools.get(net.pools[0] ?? "")?.pool.stub;
    const over = host.vnics.get(net.vnic);
    const where = at("zone", "net", n, "vnic");
    if (over === undefined) {
      out.push(
        diag(
          "zmgr::host::vnic_missing",
          "warning",
          `VNIC "${net.vnic}" of zone "${z.name}" net "${net.name}" does not exist on this host`,
          `recreate it with \`dladm create-vnic -l ${stub ?? "<stub>"} ${net.vnic}\``,
          z.file,
          where,
        ),
      );
    } else if (net.stub !== undefined && over !== "" && over !== net.stub) {
      out.push(
        diag(
          "zmgr::host::vnic_wrong_stub",
          "warning",
          `VNIC "${net.vnic}" of zone "${z.name}" is over "${over}", but the registry records stub "${net.stub}"`,
          `correct the zone's stub in ${z.file ?? "its file"}, or recreate the VNIC over ${net.stub} while the zone is halted`,
          z.file,
          at("zone", "net", n, "stub"),
        ),
      );
    }
  });
  return out;
}

/** Pre-flight: the VNICs of the proposed zone must not exist yet. */
export function checkVnicsFreeOnHost(host: HostIndex, z: ZoneSubject): Diagnostic[] {
  const out: Diagnostic[] = [];
  z.zone.nets.forEach((net, n) => {
    if (net.vnic === undefined) return;
    if (!host.vnics.has(net.vnic) && !host.links.has(net.vnic)) return;
    out.push(
      diag(
        "zmgr::host::vnic_exists",
        "error",
        `VNIC "${net.vnic}" (zone "${z.name}" net "${net.name}") already exists on this host`,
        `choose another name with \`--vnic ${net.name}=<name>\`, or delete the stale link with \`dladm delete-vnic ${net.vnic}\``,
        z.file,
        at("zone", "net", n, "vnic"),
      ),
    );
  });
  return out;
}

/** With `zonecfg info` facts: the zone's configured addresses must be the registry's. */
export function checkZoneAddressesOnHost(
  ctx: RuleContext,
  host: HostFacts,
  z: ZoneSubject,
): Diagnostic[] {
  const info = host.zoneConfigs?.get(z.name);
  if (!info || z.zone.status) return [];
  const live = new Set(liveAddresses(info).map((a) => keyOf(ctx, a)));
  const recorded = new Set(z.zone.nets.flatMap((n) => n.addresses.map((a) => keyOf(ctx, a))));
  const missing = [...recorded].filter((a) => !live.has(a));
  const extra = [...live].filter((a) => !recorded.has(a));
  if (missing.length === 0 && extra.length === 0) return [];
  const parts = [
    missing.length > 0 ? `registry-only ${missing.join(", ")}` : "",
    extra.length > 0 ? `host-only ${extra.join(", ")}` : "",
  ].filter((p) => p !== "");
  return [
    diag(
      "zmgr::host::address_mismatch",
      "warning",
      `zone "${z.name}" is configured with other addresses than the registry records (${parts.join("; ")})`,
      `compare \`zmgr show ${z.name}\` with \`zonecfg -z ${z.name} info net\` and correct whichever side is wrong`,
      z.file,
      ["zone", "net"],
    ),
  ];
}

/** Canonical text of an address (the text itself when it is not one). */
function keyOf(ctx: RuleContext, text: string): string {
  const a = ctx.addr(text);
  return a ? addressText(a) : text;
}
