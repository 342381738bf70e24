import type { Node } from "@bgotink/kdl";
import { checks, help } from "./checks.js";
import { topName } from "./decode-top.js";
import { list, scalar } from "./read-fields.js";
import { fields, type Reader } from "./reader.js";
import type { Pool, PoolMode } from "./types.js";

export const POOL_FIELDS = [
  "network",
  "gateway",
  "stub",
  "range-start",
  "range-end",
  "addresses",
  "reserve",
] as const;

export function decodePool(r: Reader, node: Node): Pool | undefined {
  const name = topName(r, node, "pool", true);
  const path = ["pool"];
  const f = fields(r, node.children, POOL_FIELDS, path);
  const network = scalar(r, f, "network", "string", path, {
    required: true,
    check: checks.cidr,
    help: help.cidr,
  });
  const gateway = scalar(r, f, "gateway", "string", path, {
    check: checks.address,
    help: help.address,
  });
  const stub = scalar(r, f, "stub", "string", path, {
    required: true,
    check: checks.nonEmpty,
    help: 'name the etherstub or link the pool\'s VNICs go over, e.g. `stub "oinetint0"`',
  });
  const addrOpts = { check: checks.address, help: help.address };
  const start = scalar(r, f, "range-start", "string", path, addrOpts);
  const end = scalar(r, f, "range-end", "string", path, addrOpts);
  const hasList = f.has("addresses");
  const addresses = list(r, f, "addresses", path, checks.address, help.address);
  const reserve = list(r, f, "reserve", path, checks.address, help.address);
  const mode = poolMode(
    r,
    f.has("range-start"),
    f.has("range-end"),
    hasList,
    start,
    end,
    addresses,
  );
  if (name === undefined || network === undefined || stub === undefined || !mode) return undefined;
  const pool: Pool = { name, network, stub, mode, reserve };
  if (gateway !== undefined) pool.gateway = gateway;
  return pool;
}

function poolMode(
  r: Reader,
  hasStart: boolean,
  hasEnd: boolean,
  hasList: boolean,
  start: string | undefined,
  end: string | undefined,
  addresses: string[],
): PoolMode | undefined {
  const modeHelp =
    'give either `range-start "…"` and `range-end "…"` (range mode) or `addresses "…" "…"` (list mode)';
  if ((hasStart || hasEnd) && hasList) {
    r.unusable = true;
    r.error("conflicting_fields", "the pool has both a range and an address list", modeHelp, [
      "pool",
      "addresses",
    ]);
    return undefined;
  }
  if (hasList) return { kind: "list", addresses };
  if (hasStart !== hasEnd) {
    r.unusable = true;
    const missing = hasStart ? "range-end" : "range-start";
    r.error("missing_field", `pool has no \`${missing}\``, `add \`${missing} "…"\``, [
      "pool",
      missing,
    ]);
    return undefined;
  }
  if (!hasStart) {
    r.unusable = true;
    r.error("missing_field", "pool has neither a range nor an address list", modeHelp, ["pool"]);
    return undefined;
  }
  if (start === undefined || end === undefined) {
    r.unusable = true;
    return undefined;
  }
  return { kind: "range", start, end };
}
