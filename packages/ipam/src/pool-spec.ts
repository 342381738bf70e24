import type { Family } from "./address.js";
import { formatAddress, isLinkLocalV6, parseAddress } from "./address.js";
import { type Network, parseNetwork } from "./network.js";

/** A pool as written in pools/<name>.kdl: exactly one of `range` and `addresses`. */
export interface PoolSpec {
  name: string;
  network: string;
  gateway?: string;
  range?: { start: string; end: string };
  addresses?: string[];
  reserve?: string[];
}

export type PoolField = "network" | "gateway" | "range" | "addresses" | "reserve" | "mode";

/** One finding of validatePool(); @zmgr/validate turns it into a Diagnostic. */
export interface PoolProblem {
  code: string;
  severity: "error" | "warning";
  message: string;
  help: string;
  field: PoolField;
  /** Position in `addresses` / `reserve`; for `range` 0 = start, 1 = end. */
  index?: number;
  /** The offending text, when there is one. */
  value?: string;
}

/** A pool spec with every value parsed; exists only when validatePool found no error. */
export interface CompiledPool {
  name: string;
  family: Family;
  net: Network;
  gateway: bigint | undefined;
  range: { start: bigint; end: bigint } | undefined;
  list: bigint[] | undefined;
  reserve: bigint[];
}

type Emit = (p: Omit<PoolProblem, "severity"> & { severity?: "warning" }) => void;

/** Checks a pool spec: syntax, one mode, one family, everything inside the network. */
export function validatePool(spec: PoolSpec): PoolProblem[] {
  return analysePool(spec).problems;
}

export function analysePool(spec: PoolSpec): { problems: PoolProblem[]; compiled?: CompiledPool } {
  const problems: PoolProblem[] = [];
  const emit: Emit = (p) => problems.push({ ...p, severity: p.severity ?? "error" });
  const net = parseNetwork(spec.network);
  if (net === undefined) {
    emit({
      code: "zmgr::pool::invalid_network",
      field: "network",
      value: spec.network,
      message: `network "${spec.network}" is not an address with a prefix length`,
      help: 'write the network in CIDR form, e.g. "10.1.0.0/24" or "2001:db8:1::/64"',
    });
  } else if (net.hostBitsSet) {
    emit({
      code: "zmgr::pool::network_host_bits",
      severity: "warning",
      field: "network",
      value: spec.network,
      message: `network "${spec.network}" has host bits set; it is read as ${formatAddress(net.family, net.base)}/${net.prefix}`,
      help: `write the network as "${formatAddress(net.family, net.base)}/${net.prefix}"`,
    });
  }
  const one = (field: PoolField, text: string, index?: number): bigint | undefined => {
    const at = index === undefined ? {} : { index };
    const p = parseAddress(text);
    if (p === undefined || p.prefix !== undefined) {
      emit({
        code: "zmgr::pool::invalid_address",
        field,
        ...at,
        value: text,
        message: `${field} "${text}" is not an address`,
        help: 'write a single address without a prefix length, e.g. "10.1.0.10" or "2001:db8::10"',
      });
      return undefined;
    }
    if (net === undefined) return p.value;
    if (p.family !== net.family) {
      emit({
        code: "zmgr::pool::mixed_family",
        field,
        ...at,
        value: text,
        message: `${field} ${text} is IPv${p.family} but network ${spec.network} is IPv${net.family}`,
        help: "every pool is one family: make an IPv4 pool and an IPv6 pool and list both in the template net",
      });
      return undefined;
    }
    return p.value;
  };
  const outside = (v: bigint | undefined) =>
    net !== undefined && v !== undefined && (v < net.base || v > net.last);
  const outsideProblem = (field: PoolField, code: string, text: string, index?: number) =>
    emit({
      code,
      field,
      ...(index === undefined ? {} : { index }),
      value: text,
      message: `${field === "range" ? (index === 0 ? "range-start" : "range-end") : field} ${text} is outside network ${spec.network}`,
      help: `use addresses inside ${spec.network}, or widen the network`,
    });

  const gateway = spec.gateway === undefined ? undefined : one("gateway", spec.gateway);
  if (net && gateway !== undefined && spec.gateway !== undefined) {
    if (outside(gateway) && !(net.family === 6 && isLinkLocalV6(spec.gateway))) {
      emit({
        code: "zmgr::pool::gateway_outside_network",
        field: "gateway",
        value: spec.gateway,
        message: `gateway ${spec.gateway} is outside network ${spec.network}`,
        help:
          net.family === 6
            ? `use a gateway inside ${spec.network} or a link-local one (fe80::/10)`
            : `use a gateway inside ${spec.network}`,
      });
    } else if (net.family === 4 && gateway === net.base && net.prefix < 31) {
      emit({
        code: "zmgr::pool::gateway_not_host",
        field: "gateway",
        value: spec.gateway,
        message: `gateway ${spec.gateway} is the network address of ${spec.network}`,
        help: "use a host address of the network as the gateway",
      });
    } else if (net.broadcast !== undefined && gateway === net.broadcast) {
      emit({
        code: "zmgr::pool::gateway_not_host",
        field: "gateway",
        value: spec.gateway,
        message: `gateway ${spec.gateway} is the broadcast address of ${spec.network}`,
        help: "use a host address of the network as the gateway",
      });
    }
  }

  let range: CompiledPool["range"];
  let list: bigint[] | undefined;
  if (spec.range !== undefined && spec.addresses !== undefined) {
    emit({
      code: "zmgr::pool::mode_conflict",
      field: "mode",
      message: `pool "${spec.name}" has both a range and an address list`,
      help: "keep either range-start/range-end or addresses, not both",
    });
  } else if (spec.range === undefined && spec.addresses === undefined) {
    emit({
      code: "zmgr::pool::no_mode",
      field: "mode",
      message: `pool "${spec.name}" has neither a range nor an address list`,
      help: 'add range-start and range-end, or addresses "a" "b" …',
    });
  }
  if (spec.range !== undefined) {
    const start = one("range", spec.range.start, 0);
    const end = one("range", spec.range.end, 1);
    if (outside(start))
      outsideProblem("range", "zmgr::pool::range_outside_network", spec.range.start, 0);
    if (outside(end))
      outsideProblem("range", "zmgr::pool::range_outside_network", spec.range.end, 1);
    if (start !== undefined && end !== undefined) {
      if (start > end) {
        emit({
          code: "zmgr::pool::start_after_end",
          field: "range",
          value: `${spec.range.start}-${spec.range.end}`,
          message: `range-start ${spec.range.start} is after range-end ${spec.range.end}`,
          help: "swap range-start and range-end",
        });
      } else range = { start, end };
    }
  }
  if (spec.addresses !== undefined) {
    list = [];
    const seen = new Set<bigint>();
    spec.addresses.forEach((text, i) => {
      const v = one("addresses", text, i);
      if (v === undefined) return;
      if (outside(v)) outsideProblem("addresses", "zmgr::pool::address_outside_network", text, i);
      if (seen.has(v)) {
        emit({
          code: "zmgr::pool::duplicate_address",
          severity: "warning",
          field: "addresses",
          index: i,
          value: text,
          message: `address ${text} is listed twice`,
          help: "remove the second entry",
        });
      }
      seen.add(v);
      list?.push(v);
    });
  }
  const reserve: bigint[] = [];
  (spec.reserve ?? []).forEach((text, i) => {
    const v = one("reserve", text, i);
    if (v === undefined) return;
    if (outside(v)) outsideProblem("reserve", "zmgr::pool::reserve_outside_network", text, i);
    reserve.push(v);
  });

  if (net === undefined || problems.some((p) => p.severity === "error")) return { problems };
  const compiled: CompiledPool = {
    name: spec.name,
    family: net.family,
    net,
    gateway,
    range: spec.range === undefined ? undefined : range,
    list: spec.addresses === undefined ? undefined : list,
    reserve,
  };
  return { problems, compiled };
}
