import type { ZoneNet } from "@zmgr/kdl-schema";
import { formatAddress, type HostNet } from "./nets.js";
import type { PoolMatch } from "./pools.js";
import type { ImportReportEntry } from "./types.js";

/**
 * One registry net from the host's resources on one link: addresses written "a/p" (the pool's
 * prefix length when zonecfg gave none), the matched pools, and VNIC + stub (exclusive-IP) or
 * the physical as stub (shared-IP). What is worth knowing goes to `warnings`.
 */
export function toZoneNet(
  vnics: Map<string, string>,
  name: string,
  hostNet: HostNet,
  matches: (PoolMatch | undefined)[],
  ipType: "exclusive" | "shared",
  warnings: string[],
): ZoneNet {
  const addresses = hostNet.addresses.map((address, j) => {
    const match = matches[j];
    const text = formatAddress(address, match?.prefixLength);
    if (address.prefix === undefined) {
      warnings.push(
        `${address.address} on ${hostNet.physical} has no prefix length: recorded as ${text}${match ? ` (from pool ${match.pool})` : ""}`,
      );
    }
    if (!match) {
      warnings.push(
        `${address.address} is in no pool: \`zmgr pool create\` one that covers it to manage it with zmgr`,
      );
    } else if (match.match === "network") {
      warnings.push(
        `${address.address} is inside the network of pool ${match.pool} but outside its allocatable set`,
      );
    }
    return text;
  });
  const pools = [...new Set(matches.flatMap((m) => (m ? [m.pool] : [])))];
  const net: ZoneNet = { name, addresses, gateways: hostNet.gateways, pools };
  if (ipType === "shared") return { ...net, stub: hostNet.physical };
  const over = vnics.get(hostNet.physical) ?? hostNet.globalNic;
  if (over !== undefined) return { ...net, vnic: hostNet.physical, stub: over };
  warnings.push(
    `${hostNet.physical} is not a VNIC: recorded as the stub of net ${name}, and zmgr will never delete it`,
  );
  return { ...net, stub: hostNet.physical };
}

export function reportNets(nets: ZoneNet[]): NonNullable<ImportReportEntry["nets"]> {
  return nets.map((n) => ({
    name: n.name,
    addresses: n.addresses,
    gateways: n.gateways,
    pools: n.pools,
    ...(n.vnic === undefined ? {} : { vnic: n.vnic }),
    ...(n.stub === undefined ? {} : { stub: n.stub }),
  }));
}
