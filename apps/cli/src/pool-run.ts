import { canonicalAddress, IpPool, parseAddress } from "@zmgr/ipam";
import type { Pool } from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";
import { poolSpecOf } from "@zmgr/validate";
import { notFound } from "./entity-errors.js";
import type { Invocation } from "./kit.js";
import { openSession } from "./session.js";

/** address (canonical, no prefix) → zone, over every zone file (reservations included). */
export function ledger(snap: Snapshot): Map<string, string> {
  const m = new Map<string, string>();
  for (const [name, f] of snap.zones) {
    for (const net of f.parsed.value?.nets ?? []) {
      for (const a of net.addresses) {
        const bare = a.split("/")[0] ?? a;
        if (parseAddress(bare)) m.set(canonicalAddress(bare), name);
      }
    }
  }
  return m;
}

function usage(pool: Pool, snap: Snapshot) {
  const ip = IpPool.from(poolSpecOf(pool));
  const led = ledger(snap);
  const u = ip.utilisation(led.keys());
  return { ip, u, led };
}

export async function poolList(inv: Invocation): Promise<void> {
  const s = await openSession(inv);
  const rows = [...s.snapshot.pools.values()].flatMap((f) => {
    const p = f.parsed.value;
    if (!p) return [];
    try {
      const { u } = usage(p, s.snapshot);
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
  const { u, led } = usage(p, s.snapshot);
  const used = u.usedAddresses.map((a) => ({ address: a, zone: led.get(a) ?? "" }));
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
      used.map((x) => [x.address, x.zone]),
    );
}
