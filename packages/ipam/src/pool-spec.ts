import type { Family } from "./address.js";
import type { Network } from "./network.js";
import { PoolChecker } from "./pool-checks.js";

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

/** Checks a pool spec: syntax, one mode, one family, everything inside the network. */
export function validatePool(spec: PoolSpec): PoolProblem[] {
  return analysePool(spec).problems;
}

/** validatePool() plus, when there is no error, the parsed pool (what IpPool is built from). */
export function analysePool(spec: PoolSpec): { problems: PoolProblem[]; compiled?: CompiledPool } {
  const check = new PoolChecker(spec);
  const gateway = spec.gateway === undefined ? undefined : check.gateway(spec.gateway);
  if (spec.range !== undefined && spec.addresses !== undefined) {
    check.emit({
      code: "zmgr::pool::mode_conflict",
      field: "mode",
      message: `pool "${spec.name}" has both a range and an address list`,
      help: "keep either range-start/range-end or addresses, not both",
    });
  } else if (spec.range === undefined && spec.addresses === undefined) {
    check.emit({
      code: "zmgr::pool::no_mode",
      field: "mode",
      message: `pool "${spec.name}" has neither a range nor an address list`,
      help: 'add range-start and range-end, or addresses "a" "b" …',
    });
  }
  let range: CompiledPool["range"];
  if (spec.range !== undefined) {
    const code = "zmgr::pool::range_outside_network";
    const start = check.inside("range", code, spec.range.start, 0);
    const end = check.inside("range", code, spec.range.end, 1);
    if (start !== undefined && end !== undefined && start > end) {
      check.emit({
        code: "zmgr::pool::start_after_end",
        field: "range",
        value: `${spec.range.start}-${spec.range.end}`,
        message: `range-start ${spec.range.start} is after range-end ${spec.range.end}`,
        help: "swap range-start and range-end",
      });
    } else if (start !== undefined && end !== undefined) range = { start, end };
  }
  const list: bigint[] = [];
  const seen = new Set<bigint>();
  (spec.addresses ?? []).forEach((text, i) => {
    const v = check.inside("addresses", "zmgr::pool::address_outside_network", text, i);
    if (v === undefined) return;
    if (seen.has(v)) {
      check.emit({
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
    list.push(v);
  });
  const reserve: bigint[] = [];
  (spec.reserve ?? []).forEach((text, i) => {
    const v = check.inside("reserve", "zmgr::pool::reserve_outside_network", text, i);
    if (v !== undefined) reserve.push(v);
  });

  const net = check.net;
  if (net === undefined || check.hasErrors) return { problems: check.problems };
  return {
    problems: check.problems,
    compiled: {
      name: spec.name,
      family: net.family,
      net,
      gateway,
      range,
      list: spec.addresses === undefined ? undefined : list,
      reserve,
    },
  };
}
