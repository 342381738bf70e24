import type { Diagnostic } from "@zmgr/errors";
import { defaultVnicName, type ZoneConfigSpec } from "@zmgr/illumos-exec";
import { canonicalAddress, familyOf, IpPool } from "@zmgr/ipam";
import type { Pool, Template, ZoneNet } from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";
import { type Ledger, poolSpecOf, usedAddresses } from "@zmgr/validate";
import { problem } from "./errors.js";
import type { CreateRequest } from "./request.js";

export interface Allocation {
  nets: ZoneNet[];
  vnics: { net: string; name: string; over: string }[];
  /** zonecfg net resources: one per address */
  cfgNets: ZoneConfigSpec["nets"];
  problems: Diagnostic[];
}

/**
 * One address from each pool of each template net (pins from --ip first), avoiding every address
 * of the ledger (validate's `buildLedger`: zone files, reservations included, and the live
 * addresses of the host zones the registry cannot vouch for); VNIC names from --vnic or the
 * template pattern.
 */
export function allocateNets(
  snap: Snapshot,
  template: Template,
  req: CreateRequest,
  ledger: Ledger,
): Allocation {
  const tname = template.name;
  const bad: Diagnostic[] = [];
  const pins = new Map<string, string[]>();
  for (const [net, addr] of req.ips) {
    pins.set(net, [...(pins.get(net) ?? []), canonicalAddress(addr.split("/")[0] ?? addr)]);
  }
  const used = usedAddresses(ledger);
  const vnicOverride = new Map(req.vnics);
  const nets: ZoneNet[] = [];
  const vnics: Allocation["vnics"] = [];
  const cfgNets: ZoneConfigSpec["nets"] = [];
  template.nets.forEach((tnet, index) => {
    const pools: Pool[] = [];
    for (const [pi, pname] of tnet.pools.entries()) {
      const pool = snap.pools.get(pname)?.parsed.value;
      if (pool) pools.push(pool);
      else
        bad.push(
          problem(
            "zmgr::template::unknown_pool",
            `template ${tname}, net ${tnet.name}: pool ${pname} not found`,
            "create the pool with `zmgr pool create` or fix the template",
            `templates/${tname}.kdl`,
            ["template", "net", String(index), "pool", String(pi)],
          ),
        );
    }
    const stub = pools[0]?.stub;
    if (!stub) return;
    if (pools.some((p) => p.stub !== stub)) {
      bad.push(
        problem(
          "zmgr::template::mixed_stubs",
          `net ${tnet.name}: its pools sit on different stubs`,
          "the pools of one net must share one stub (one VNIC carries all its addresses)",
          `templates/${tname}.kdl`,
        ),
      );
      return;
    }
    const netPins = [...(pins.get(tnet.name) ?? [])];
    const addresses: string[] = [];
    const gateways: string[] = [];
    for (const pool of pools) {
      try {
        const ip = IpPool.from(poolSpecOf(pool));
        const mine = netPins.filter((a) => familyOf(a) === ip.family);
        for (const a of mine) netPins.splice(netPins.indexOf(a), 1);
        if (mine.length > 1) {
          bad.push(
            problem(
              "zmgr::create::too_many_pins",
              `--ip ${tnet.name}: ${mine.join(" and ")} are both IPv${ip.family}`,
              "give at most one --ip per family for a net",
            ),
          );
          continue;
        }
        const [addr] = ip.allocate(used, 1, mine.length > 0 ? mine.slice(0, 1) : undefined);
        if (!addr) continue;
        used.push(addr);
        addresses.push(addr);
        if (pool.gateway) gateways.push(pool.gateway);
        const exclusive = template.ipType === "exclusive";
        cfgNets.push({
          physical: "",
          address: addr,
          ...(pool.gateway && (exclusive || ip.family === 4) ? { defrouter: pool.gateway } : {}),
        });
      } catch (err) {
        const e = err as { code?: string; message?: string; help?: string };
        bad.push(
          problem(
            e.code ?? "zmgr::pool::invalid",
            e.message ?? String(err),
            e.help ?? "",
            `pools/${pool.name}.kdl`,
          ),
        );
      }
    }
    for (const left of netPins) {
      bad.push(
        problem(
          "zmgr::pool::address_not_allocatable",
          `--ip ${tnet.name}=${left}: no pool of net ${tnet.name} has that family`,
          `pools of ${tnet.name}: ${tnet.pools.join(", ")}`,
        ),
      );
    }
    const exclusive = template.ipType === "exclusive";
    if (!exclusive && vnicOverride.has(tnet.name)) {
      bad.push(
        problem(
          "zmgr::create::vnic_on_shared",
          `--vnic ${tnet.name}: template ${tname} is shared-IP, its nets have no VNIC`,
          `drop --vnic; the zone uses the pool's stub ${stub} directly`,
        ),
      );
    }
    const vnic = exclusive
      ? (vnicOverride.get(tnet.name) ?? defaultVnicName(req.name, index, tnet.vnic))
      : undefined;
    const physical = vnic ?? stub;
    for (const c of cfgNets) if (c.physical === "") c.physical = physical;
    if (vnic) vnics.push({ net: tnet.name, name: vnic, over: stub });
    nets.push({
      name: tnet.name,
      addresses,
      gateways,
      ...(vnic ? { vnic } : {}),
      stub,
      pools: tnet.pools,
    });
  });
  return { nets, vnics, cfgNets, problems: bad };
}
