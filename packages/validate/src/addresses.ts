import type { Diagnostic } from "@zmgr/errors";
import { addressText, type RuleContext } from "./context.js";
import { at, diag } from "./diagnostic.js";
import type { ZoneSubject } from "./types.js";

/**
 * Per zone address: not held by another zone (or twice by this one), inside some pool, and inside
 * the allocatable set of the pool its net records. Lookups go through the context's maps, so a
 * registry of n zones costs O(n), and a proposed zone is checked against the same ledger.
 * Texts that are not addresses are kdl-schema's to report; they only take part in the
 * duplicate check (as text).
 */
export function checkZoneAddresses(ctx: RuleContext, z: ZoneSubject): Diagnostic[] {
  const out: Diagnostic[] = [];
  z.zone.nets.forEach((net, n) => {
    net.addresses.forEach((text, i) => {
      const path = () => at("zone", "net", n, "address", i);
      const a = ctx.addr(text);
      const shown = () => (a ? addressText(a) : text); // formatting costs: only when reporting
      const owner = ctx.addressOwners.get(a?.key ?? text);
      if (owner && !(owner.zone === z.name && owner.net === n && owner.index === i)) {
        const self = owner.zone === z.name;
        out.push(
          diag(
            "zmgr::address::duplicate",
            "error",
            `address ${shown()} of zone "${z.name}" net "${net.name}" is also held by ${self ? "another net of this zone" : `zone "${owner.zone}"`}`,
            self
              ? "remove the repeated address"
              : `give one of the zones another address; \`zmgr show ${owner.zone}\` shows the other`,
            z.file,
            path(),
          ),
        );
      }
      if (!a) return;
      const found = ctx.poolOf(a);
      // while some pool is itself invalid, "in no pool" cannot be judged: its errors come first
      if (found === undefined && !ctx.allPoolsUsable) return;
      if (found === undefined) {
        out.push(
          diag(
            "zmgr::address::outside_pools",
            "warning",
            `address ${shown()} of zone "${z.name}" net "${net.name}" is in no pool`,
            "zmgr cannot protect it from reuse by other tools: add it to a pool, or ignore this if it is managed elsewhere",
            z.file,
            path(),
          ),
        );
        return;
      }
      const recorded = net.pools.flatMap((p) => {
        const ip = ctx.pools.get(p)?.ip;
        return ip && ip.family === a.family ? [ip] : [];
      });
      if (recorded.length === 0 || recorded.some((p) => p.has(a.value))) return;
      const names = recorded.map((p) => `"${p.name}"`).join(", ");
      out.push(
        diag(
          "zmgr::address::outside_recorded_pool",
          "warning",
          `address ${shown()} of zone "${z.name}" net "${net.name}" is outside the allocatable set of its pool ${names}`,
          found.match === "allocatable"
            ? `it belongs to pool "${found.pool.name}": record that pool in the zone's net`
            : `it may be a gateway, reserved or excluded address: give the zone a free address of ${names}`,
          z.file,
          path(),
        ),
      );
    });
  });
  return out;
}
