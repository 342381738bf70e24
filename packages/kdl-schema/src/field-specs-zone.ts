import { type FieldDesc, field, many, type NetValue, one } from "./field-specs.js";
import type { Spec } from "./kdl-text.js";
import type { NetStatus, Zone, ZoneNet, ZoneStatus } from "./types.js";

const ZONE_NET_DESCS: FieldDesc<NetValue>[] = [
  field(
    "address",
    (n) => (n as ZoneNet).addresses,
    (n) => many("address", (n as ZoneNet).addresses),
  ),
  field(
    "gateway",
    (n) => (n as ZoneNet).gateways,
    (n) => many("gateway", (n as ZoneNet).gateways),
  ),
  field(
    "vnic",
    (n) => n.vnic,
    (n) => one("vnic", n.vnic),
  ),
  field(
    "stub",
    (n) => (n as ZoneNet).stub,
    (n) => one("stub", (n as ZoneNet).stub),
  ),
  field(
    "pool",
    (n) => n.pools,
    (n) => many("pool", n.pools),
  ),
  field(
    "status",
    (n) => (n as ZoneNet).status,
    (n) => netStatusSpec((n as ZoneNet).status),
  ),
];

function netStatusSpec(s: NetStatus | undefined): Spec[] {
  if (!s) return [];
  const props: [string, string | number][] = [["txn", s.txn]];
  if (s.pid !== undefined) props.push(["pid", s.pid]);
  if (s.host !== undefined) props.push(["host", s.host]);
  if (s.hostId !== undefined) props.push(["host-id", s.hostId]);
  if (s.pidStart !== undefined) props.push(["pid-start", s.pidStart]);
  if (s.started !== undefined) props.push(["started", s.started]);
  return [{ name: "status", args: [s.state], props }];
}

export function zoneNetSpec(n: ZoneNet): Spec {
  return {
    name: "net",
    args: [n.name],
    inline: true,
    children: ZONE_NET_DESCS.flatMap((d) => d.specs(n)),
  };
}

function statusSpec(s: ZoneStatus | undefined): Spec[] {
  if (!s) return [];
  const props: [string, string | number][] = [];
  if (s.host !== undefined) props.push(["by", s.host]);
  if (s.hostId !== undefined) props.push(["host-id", s.hostId]);
  if (s.pid !== undefined) props.push(["pid", s.pid]);
  if (s.pidStart !== undefined) props.push(["pid-start", s.pidStart]);
  if (s.started !== undefined) props.push(["started", s.started]);
  if (s.reason !== undefined) props.push(["reason", s.reason]);
  return [{ name: "status", args: [s.state], props }];
}

const ZONE_LEGACY = ["address", "gateway", "vnic", "stub", "pool"];

export const ZONE_DESCS: FieldDesc<Zone>[] = [
  field(
    "template",
    (z) => z.template,
    (z) => one("template", z.template),
  ),
  {
    ...field(
      "net",
      (z: Zone) => z.nets,
      (z) => z.nets.map(zoneNetSpec),
      ZONE_LEGACY,
    ),
    nets: { legacy: ZONE_LEGACY, fields: ZONE_NET_DESCS },
  },
  field(
    "created",
    (z) => z.created,
    (z) => one("created", z.created),
  ),
  field(
    "status",
    (z) => z.status,
    (z) => statusSpec(z.status),
  ),
];
