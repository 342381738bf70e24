import type { Diagnostic } from "@zmgr/errors";
import { familyOf } from "@zmgr/ipam";
import { addressKey, type RuleContext } from "./context.js";
import { at, diag } from "./diagnostic.js";
import type { ZoneSubject } from "./types.js";

/**
 * Per zone address: not held by another zone (or twice by this one), inside some pool, and inside
 * the allocatable set of the pool its net records. Lookups go through the context's maps, so a
 * registry of n zones costs O(n), and a proposed zone is checked against the same ledger.
 */
export function checkZoneAddresses(ctx: RuleContext, z: ZoneSubject): Diagnostic[] {
  const out: Diagnostic[] = [];
  z.zone.nets.forEach((net, n) => {
    net.addresses.forEach((address, i) => {
      const path = at("zone", "net", n, "address", i);
      const key = addressKey(address);
      const owner = ctx.addressOwners.get(key);
      if (owner && !(owner.zone === z.name && owner.net === n && owner.index === i)) {
        const where = owner.zone === z.name ? "another net of this zone" : `zone "${owner.zone}"`;
        out.push(
          diag(
            "zmgr::address::duplicate",
            "error",
            `address ${key} of zone "${z.name}" net "${net.name}" is also held by ${where}`,
            owner.zone === z.name
              ? "remove the repeated address"
              : `give one of the zones another address; \`zmgr show ${owner.zone}\` shows the other`,
            z.file,
            path,
          ),
        );
      }
      const found = ctx.poolOf(key);
      if (found === undefined) {
        out.push(
          diag(
            "zmgr::address::outside_pools",
            "warning",
            `address ${key} of zone "${z.name}" net "${net.name}" is in no pool`,
            "zmgr cannot protect it from reuse by other tools: add it to a pool, or ignore this if it is managed elsewhere",
            z.file,
            path,
          ),
        );
        return;
      }
      const family = familyOf(key);
      const recorded = net.pools
        .map((p) => ctx.pools.get(p)?.ip)
        .filter((p) => p !== undefined && p.family === family);
      if (recorded.length === 0 || recorded.some((p) => p!.contains(key))) return;
      const names = recorded.map((p) => `"${p!.name}"`).join(", ");
      out.push(
        diag(
          "zmgr::address::outside_recorded_pool",
          "warning",
          `address ${key} of zone "${z.name}" net "${net.name}" is outside the allocatable set of its pool ${names}`,
          found.match === "allocatable"
            ? `it belongs to pool "${found.pool.name}": record that pool in the zone's net`
            : `it may be a gateway, reserved or excluded address: give the zone a free address of ${names}`,
          z.file,
          path,
        ),
      );
    });
  });
  return out;
}
