import type { ZonecfgInfo } from "@zmgr/illumos-exec";
import { IpPool } from "@zmgr/ipam";
import type { Pool } from "@zmgr/kdl-schema";
import { buildLedger, type Ledger, poolSpecOf, unreadableNotes, usedInPool } from "@zmgr/validate";
import { notFound } from "../../shared/entity-errors.js";
import type { Invocation } from "../../shared/kit.js";
import { openSession, type Session } from "../../shared/session.js";

/**
 * The ledger for read-only pool commands: while a zone document cannot be parsed, the live
 * `zonecfg info` of a host zone of that name counts instead (read-only commands run host
 * commands only then), and each such file is reported.
 */
async function readLedger(s: Session): Promise<Ledger> {
  const plain = buildLedger(s.snapshot);
  if (plain.unusableZones.size === 0) return plain;
  for (const note of unreadableNotes(plain)) s.out.note(note);
  const zoneConfigs = new Map<string, ZonecfgInfo>();
  for (const name of plain.unusableZones) {
    const info = await s.host.zoneInfo(name);
    if (info) zoneConfigs.set(name, info);
  }
  return buildLedger(s.snapshot, { zoneConfigs });
}

function usage(pool: Pool, ledger: Ledger) {
  const ip = IpPool.from(poolSpecOf(pool));
  const held = usedInPool(ledger, ip);
  const u = ip.utilisation(held.map((h) => h.address));
  return { ip, u, held };
}

export async function poolList(inv: Invocation): Promise<void> {
  const s = await openSession(inv);
  const ledger = await readLedger(s);
  const rows = [...s.snapshot.pools.values()].flatMap((f) => {
    const p = f.parsed.value;
    if (!p) return [];
    try {
      const { u } = usage(p, ledger);
      return [
        {
          name: p.name,
          network: p.network,
          gateway: p.gateway ?? null,
          stub: p.stub,
          mode: p.mode.kind,
          size: u.size,
          used: u.used,
          free: u.free,
          percent: Math.round(u.percent * 10) / 10,
        },
      ];
    } catch (err) {
      return [
        {
          name: p.name,
          network: p.network,
          gateway: p.gateway ?? null,
          stub: p.stub,
          mode: p.mode.kind,
          size: 0n,
          used: 0,
          free: 0n,
          percent: 0,
          error: (err as Error).message,
        },
      ];
    }
  });
  rows.sort((a, b) => a.name.localeCompare(b.name));
  if (s.out.json) return s.out.printJson(rows);
  s.out.table(
    ["NAME", "NETWORK", "STUB", "MODE", "SIZE", "USED", "FREE", "USE%"],
    rows.map((r) => [
      r.name,
      r.network,
      r.stub,
      r.mode,
      String(r.size),
      String(r.used),
      String(r.free),
      `${r.percent}%`,
    ]),
  );
}

export async function poolShow(inv: Invocation, name: string): Promise<void> {
  const s = await openSession(inv);
  const file = s.snapshot.pools.get(name);
  const p = file?.parsed.value;
  if (!p) throw notFound("pool", name, "zmgr pool list");
  const { u, held } = usage(p, await readLedger(s));
  const used = held.map((h) => ({
    address: h.address,
    zone: h.zone,
    ...(h.kind === "zone" ? {} : { kind: h.kind }),
  }));
  if (s.out.json)
    return s.out.printJson({
      ...p,
      file: file.path,
      size: u.size,
      usedCount: u.used,
      free: u.free,
      percent: u.percent,
      used,
    });
  s.out.line(
    `${s.out.c.bold(p.name)}  ${p.network}${p.gateway ? ` gateway ${p.gateway}` : ""} stub ${p.stub}`,
  );
  s.out.line(
    p.mode.kind === "range"
      ? `  range ${p.mode.start} – ${p.mode.end}`
      : `  addresses ${p.mode.addresses.join(" ")}`,
  );
  if (p.reserve.length) s.out.line(`  reserve ${p.reserve.join(" ")}`);
  s.out.line(`  size ${u.size}, used ${u.used}, free ${u.free} (${u.percent.toFixed(1)}%)`);
  if (used.length)
    s.out.table(
      ["ADDRESS", "ZONE"],
      used.map((x) => [x.address, x.kind ? `${x.zone} (${x.kind})` : x.zone]),
    );
}
