import type { Diagnostic } from "@zmgr/errors";
import {
  buildAddNetScript,
  defaultVnicName,
  type ZoneConfigSpec,
  type ZonecfgInfo,
  type ZoneState,
} from "@zmgr/illumos-exec";
import type { Template, Zone, ZoneNet } from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";
import {
  buildLedger,
  type HostFacts,
  requireReadableLedger,
  validateProposedZone,
  withLocations,
} from "@zmgr/validate";
import { allocateNets } from "../create/allocate.js";
import { problem } from "../create/errors.js";
import { NetPreflightError } from "./errors.js";

export interface NetAddRequest {
  zone: string;
  net: string;
  pools: string[];
  /** `--ip` pins, at most one per family */
  ips: string[];
  vnic?: string;
  reboot: boolean;
}

/** Host facts of `net add`, gathered before the lock: create's, plus the zone's own. */
export interface NetAddFacts extends HostFacts {
  state: ZoneState | undefined;
  info: ZonecfgInfo | undefined;
}

/** Everything `net add` will do, computed before anything runs (also the --dry-run document). */
export interface NetAddProposal {
  zone: string;
  net: ZoneNet;
  ipType: "exclusive" | "shared";
  vnic?: { name: string; over: string };
  cfgNets: ZoneConfigSpec["nets"];
  script: string;
  /** the zone's state when the facts were gathered */
  state: ZoneState;
  reboot: boolean;
}

/**
 * Pre-flight and allocation of `net add`, with create's allocation (one call site:
 * `allocateNets` over a one-net template) and validate's rules for the new net.
 * Throws NetPreflightError listing every problem; runs no command.
 */
export function proposeNetAdd(
  snap: Snapshot,
  req: NetAddRequest,
  facts: NetAddFacts,
): NetAddProposal {
  const fail = (d: Diagnostic[]) =>
    new NetPreflightError("add", req.zone, req.net, withLocations(snap, d));
  const ledger = buildLedger(snap, facts);
  requireReadableLedger(snap, ledger, `add net ${req.net} to zone ${req.zone}`);
  const file = snap.zones.get(req.zone);
  const zone = file?.parsed.value;
  if (!zone) {
    throw fail([
      problem(
        "zmgr::zone::not_registered",
        `zone ${req.zone} is not in the registry`,
        `adopt it first with \`zmgr import ${req.zone}\``,
      ),
    ]);
  }
  const bad: Diagnostic[] = [];
  if (zone.status) {
    bad.push(
      problem(
        "zmgr::net::zone_not_ready",
        `zone ${req.zone} is still ${zone.status.state}`,
        `finish or destroy it first (\`zmgr status\`)`,
        file?.path,
      ),
    );
  }
  if (zone.nets.some((n) => n.name === req.net)) {
    bad.push(
      problem(
        "zmgr::net::exists",
        `zone ${req.zone} already has a net named ${req.net}`,
        `pick another name, or remove it with \`zmgr net remove ${req.zone} ${req.net}\``,
        file?.path,
      ),
    );
  }
  if (facts.state === undefined) {
    bad.push(
      problem(
        "zmgr::net::zone_missing",
        `zone ${req.zone} is not on the host`,
        "see `zmgr status`; destroy the registry entry or re-create the zone",
      ),
    );
  }
  if (bad.length > 0) throw fail(bad);

  const template = templateFor(snap, zone, facts.info);
  const ipType = facts.info?.ipType ?? template.ipType;
  const vnic =
    ipType === "exclusive" ? (req.vnic ?? freeVnicName(snap, req.zone, facts)) : undefined;
  const oneNet: Template = { ...template, ipType, nets: [{ name: req.net, pools: req.pools }] };
  const allocation = allocateNets(
    snap,
    oneNet,
    {
      name: req.zone,
      ips: req.ips.map((a) => [req.net, a]),
      vnics: vnic ? [[req.net, vnic]] : [],
      noBoot: true,
      today: "",
    },
    ledger,
  );
  const net = allocation.nets[0];
  if (allocation.problems.length > 0 || !net) throw fail(allocation.problems);
  const proposed: Zone = {
    name: req.zone,
    nets: [net],
    ...(zone.template ? { template: zone.template } : {}),
  };
  const own = new Set(["zmgr::host::zone_exists", "zmgr::name::zone_exists"]);
  const diags = validateProposedZone(snap, proposed, oneNet, facts).filter(
    (d) => d.severity === "error" && !own.has(d.code),
  );
  if (diags.length > 0) throw fail(diags);
  const v = allocation.vnics[0];
  return {
    zone: req.zone,
    net,
    ipType,
    ...(v ? { vnic: { name: v.name, over: v.over } } : {}),
    cfgNets: allocation.cfgNets,
    script: buildAddNetScript(ipType, allocation.cfgNets),
    state: facts.state as ZoneState,
    reboot: req.reboot,
  };
}

/** The zone's template, or (for a zone without one) what the live configuration says. */
function templateFor(snap: Snapshot, zone: Zone, info: ZonecfgInfo | undefined): Template {
  const t = zone.template ? snap.templates.get(zone.template)?.parsed.value : undefined;
  if (t) return t;
  return {
    name: zone.template ?? "-",
    brand: info?.brand ?? "ipkg",
    autoboot: info?.autoboot ?? false,
    ipType: info?.ipType ?? "exclusive",
    nets: [],
    publishers: [],
    fs: [],
    datasets: [],
    attrs: [],
    installArgs: [],
  };
}

/** `{zone}{index}` with the lowest index whose name no link and no registry entry uses. */
export function freeVnicName(snap: Snapshot, zone: string, facts: HostFacts): string {
  const taken = new Set([
    ...facts.links.map((l) => l.link),
    ...facts.vnics.map((v) => v.link),
    ...[...snap.zones.values()].flatMap(
      (f) => f.parsed.value?.nets.flatMap((n) => (n.vnic ? [n.vnic] : [])) ?? [],
    ),
  ]);
  for (let i = 0; ; i++) {
    const name = defaultVnicName(zone, i);
    if (!taken.has(name)) return name;
  }
}
