import { ZmgrError } from "@zmgr/errors";
import type { Invocation } from "../../shared/kit.js";
import { openSession, verboseNote } from "../../shared/session.js";
import { hostZoneConfigs } from "../../shared/zone-configs.js";
import { cleanupHint } from "../status/check.js";

export async function runShow(inv: Invocation, name: string): Promise<void> {
  const s = await openSession(inv);
  const file = s.snapshot.zones.get(name);
  const zone = file?.parsed.value;
  const live = (await s.host.listZones()).find((z) => z.name === name);
  if (!file && !live) {
    throw new ZmgrError(
      "zmgr::zone::not_found",
      `no zone named ${name} in the registry or on the host`,
      {
        help: "run `zmgr list` to see the zones",
        details: { zone: name },
      },
    );
  }
  const info = live
    ? (await hostZoneConfigs(s.host, [name], s.snapshot.config.zonesDir, verboseNote(s))).get(name)
    : undefined;
  const reservation = zone ? s.registry.reservationState(zone) : undefined;
  if (s.out.json) {
    s.out.printJson({
      name,
      file: file?.path ?? null,
      registry: zone ?? null,
      reservation: reservation ?? null,
      live: live ?? null,
      zonecfg: info ?? null,
    });
    return;
  }
  const { c, line } = { c: s.out.c, line: (t: string) => s.out.line(t) };
  line(
    `${c.bold(name)}  ${live ? live.state : c.red("not on the host")}${file ? "" : c.yellow(" (not in the registry: `zmgr import` adopts it)")}`,
  );
  if (zone) {
    line(
      `  registry: ${file?.path}${zone.template ? `, template ${zone.template}` : ""}${zone.created ? `, created ${zone.created}` : ""}`,
    );
    if (reservation) {
      const by = s.registry.reservedElsewhere(zone);
      const what = by ? `${reservation} by ${by}` : reservation;
      line(`  ${c.yellow(what)}${zone.status?.reason ? `: ${zone.status.reason}` : ""}`);
      if (by) line(`  cleanup: if it no longer runs there, \`zmgr destroy ${name} --force\``);
      if (reservation !== "creating") line(`  cleanup: ${cleanupHint(name)}`);
    }
    for (const n of zone.nets) {
      line(
        `  net ${n.name}: ${n.addresses.join(", ") || "(addresses inside the zone)"}${n.vnic ? ` vnic ${n.vnic}` : ""}${n.stub ? ` over ${n.stub}` : ""}${n.gateways.length ? ` gateway ${n.gateways.join(", ")}` : ""}`,
      );
    }
  }
  if (live)
    line(`  zonepath ${live.zonepath ?? "(none)"}, brand ${live.brand}, ip-type ${live.ipType}`);
  if (info) {
    line(c.bold("zonecfg:"));
    line(`  autoboot ${info.autoboot}, ip-type ${info.ipType}`);
    for (const n of info.nets) {
      const parts = Object.entries(n)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${zonecfgProperty(k)}=${typeof v === "string" ? v : pairs(v)}`);
      line(`  net ${parts.join(" ")}`);
    }
    for (const r of info.resources) {
      const props = Object.entries(r.props).map(([k, v]) => `${k}=${v}`);
      const lists = Object.entries(r.lists ?? {}).map(([k, v]) => `${k}=[${v.join(",")}]`);
      line(
        `  ${r.type} ${[...props, ...lists].join(" ")}${r.raw === undefined ? "" : " (not read by zmgr)"}`,
      );
    }
  }
}

/** `{ ips: "a", gateway: "b" }` → `(ips=a,gateway=b)` (lx net properties, kept raw props). */
function pairs(o: Record<string, string>): string {
  return `(${Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join(",")})`;
}

/** The zonecfg spelling of a parsed net key (`allowedAddress` → `allowed-address`). */
function zonecfgProperty(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
