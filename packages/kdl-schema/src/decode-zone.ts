import type { Node } from "@bgotink/kdl";
import { checks, help } from "./checks.js";
import { forEachNamedNet } from "./decode-net-nodes.js";
import { topName } from "./decode-top.js";
import { list, prop, scalar } from "./read-fields.js";
import {
  checkNoChildren,
  checkProps,
  type Fields,
  fields,
  type Path,
  type Reader,
} from "./reader.js";
import type { NetStatus, Zone, ZoneNet, ZoneStatus } from "./types.js";

export const ZONE_NET_FIELDS = ["address", "gateway", "vnic", "stub", "pool"] as const;
export const ZONE_FIELDS = ["template", "net", "created", "status", ...ZONE_NET_FIELDS] as const;
const STATUS_PROPS = ["by", "host-id", "pid", "pid-start", "host", "started", "reason"] as const;
/** The children of a `net` node: the net fields plus the `status` of a net being added. */
const NET_NODE_FIELDS = [...ZONE_NET_FIELDS, "status"] as const;
const NET_STATUS_PROPS = ["txn", "pid", "host", "host-id", "pid-start", "started"] as const;

export function decodeZone(r: Reader, node: Node): Zone | undefined {
  const name = topName(r, node, "zone", false);
  const path = ["zone"];
  const f = fields(r, node.children, ZONE_FIELDS, path);
  const template = scalar(r, f, "template", "string", path, {
    check: checks.name,
    help: help.name,
  });
  const nets = decodeZoneNets(r, f, path);
  const created = scalar(r, f, "created", "string", path, {
    check: checks.date,
    severity: "warning",
    help: 'write the creation date, e.g. `created "2026-03-22"`',
  });
  const status = decodeStatus(r, f, path);
  if (name === undefined) return undefined;
  const zone: Zone = { name, nets };
  if (template !== undefined) zone.template = template;
  if (created !== undefined) zone.created = created;
  if (status !== undefined) zone.status = status;
  return zone;
}

/** `net` nodes, or the original tool's flat single-net form (one net named `default`). */
function decodeZoneNets(r: Reader, f: Fields, path: Path): ZoneNet[] {
  const flat = ZONE_NET_FIELDS.some((k) => f.has(k));
  const netNodes = f.get("net") ?? [];
  if (flat && netNodes.length > 0) {
    const k = ZONE_NET_FIELDS.find((x) => f.has(x))!;
    r.error(
      "conflicting_fields",
      `the zone has both \`net\` nodes and a top-level \`${k}\` (the legacy single-net form)`,
      'move the top-level address, gateway, vnic and stub into a `net "default" { … }`',
      [...path, k],
    );
  }
  if (flat && netNodes.length === 0) {
    const p = [...path, "net", "0"];
    const first = ZONE_NET_FIELDS.map((k) => f.get(k)?.[0]).find((n) => n);
    if (first) r.record?.(p, first);
    return [netBody(r, f, "default", p)];
  }
  const nets: ZoneNet[] = [];
  forEachNamedNet(r, netNodes, path, 'address "…"', (name, node, p) => {
    const f = fields(r, node.children, NET_NODE_FIELDS, p);
    const net = netBody(r, f, name, p);
    const status = decodeNetStatus(r, f, p);
    if (status) net.status = status;
    nets.push(net);
  });
  return nets;
}

function netBody(r: Reader, f: Fields, name: string, p: Path): ZoneNet {
  const net: ZoneNet = {
    name,
    addresses: list(r, f, "address", p, checks.cidr, 'write address/prefix, e.g. "10.1.0.11/24"'),
    gateways: list(r, f, "gateway", p, checks.address, help.address),
    pools: list(r, f, "pool", p, checks.name, help.name),
  };
  const vnic = scalar(r, f, "vnic", "string", p, { check: checks.nonEmpty });
  const stub = scalar(r, f, "stub", "string", p, { check: checks.nonEmpty });
  if (vnic !== undefined) net.vnic = vnic;
  if (stub !== undefined) net.stub = stub;
  return net;
}

function decodeStatus(r: Reader, f: Fields, path: Path): ZoneStatus | undefined {
  const state = scalar(r, f, "status", "string", path, {
    props: STATUS_PROPS,
    check: (v) =>
      v === "creating" || v === "failed" ? undefined : `"${v}" is not "creating" or "failed"`,
    help: 'a reservation is `status "creating" by="…" pid=… started="…"` or `status "failed" …`',
  });
  const node: Node | undefined = f.get("status")?.[0];
  if (!node || (state !== "creating" && state !== "failed")) return undefined;
  const p = [...path, "status"];
  checkProps(r, node, STATUS_PROPS, p);
  checkNoChildren(r, node, p);
  const status: ZoneStatus = { state };
  const pid = prop(r, node, "pid", "number", p);
  if (pid !== undefined) {
    if (Number.isSafeInteger(pid) && pid > 0) status.pid = pid;
    else
      r.error(
        "invalid_value",
        `status pid ${pid} is not a process id`,
        "write pid=<positive whole number>",
        [...p, "pid"],
      );
  }
  // `by=` names the machine; `host=` is the older spelling of the same thing
  const host = prop(r, node, "by", "string", p) ?? prop(r, node, "host", "string", p);
  const hostId = prop(r, node, "host-id", "string", p);
  const pidStart = prop(r, node, "pid-start", "string", p);
  const started = prop(r, node, "started", "string", p);
  const reason = prop(r, node, "reason", "string", p);
  if (host !== undefined) status.host = host;
  if (hostId !== undefined) status.hostId = hostId;
  if (pidStart !== undefined) status.pidStart = pidStart;
  if (started !== undefined) {
    const problem = checks.date(started);
    if (problem)
      r.report("invalid_value", "warning", `status started: ${problem}`, "write an ISO time", [
        ...p,
        "started",
      ]);
    status.started = started;
  }
  if (reason !== undefined) status.reason = reason;
  return status;
}

/** `status "adding" txn="…" pid=… host="…" started="…"` on a net node (SPEC §7). */
function decodeNetStatus(r: Reader, f: Fields, path: Path): NetStatus | undefined {
  const state = scalar(r, f, "status", "string", path, {
    props: NET_STATUS_PROPS,
    check: (v) => (v === "adding" ? undefined : `"${v}" is not "adding"`),
    help: 'a net being added carries `status "adding" txn="…"`',
  });
  const node: Node | undefined = f.get("status")?.[0];
  if (!node || state !== "adding") return undefined;
  const p = [...path, "status"];
  checkProps(r, node, NET_STATUS_PROPS, p);
  checkNoChildren(r, node, p);
  const txn = prop(r, node, "txn", "string", p);
  if (txn === undefined || txn === "") {
    r.error("missing_value", "a net status has no txn", 'write `status "adding" txn="<id>"`', p);
    return undefined;
  }
  const status: NetStatus = { state, txn };
  const pid = prop(r, node, "pid", "number", p);
  if (pid !== undefined && Number.isSafeInteger(pid) && pid > 0) status.pid = pid;
  const host = prop(r, node, "host", "string", p);
  const hostId = prop(r, node, "host-id", "string", p);
  const pidStart = prop(r, node, "pid-start", "string", p);
  const started = prop(r, node, "started", "string", p);
  if (host !== undefined) status.host = host;
  if (hostId !== undefined) status.hostId = hostId;
  if (pidStart !== undefined) status.pidStart = pidStart;
  if (started !== undefined) status.started = started;
  return status;
}
