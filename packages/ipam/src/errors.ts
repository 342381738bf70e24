import { ZmgrError } from "@zmgr/errors";
import type { PoolProblem } from "./pool-spec.js";

/** A text that is not an IPv4 or IPv6 address ("a" or "a/p"). */
export class InvalidAddressError extends ZmgrError {
  constructor(text: string) {
    super("zmgr::ipam::invalid_address", `"${text}" is not an IPv4 or IPv6 address`, {
      help: 'write an address like "10.1.0.10" or "2001:db8::10", optionally with "/prefix"',
      details: { address: text },
    });
  }
}

/** IpPool.from() on a spec that validatePool() finds errors in. */
export class InvalidPoolError extends ZmgrError {
  readonly problems: PoolProblem[];
  constructor(pool: string, problems: PoolProblem[]) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : "";
    super(
      "zmgr::pool::invalid",
      `pool "${pool}" is invalid: ${first?.message ?? "unknown"}${more}`,
      {
        help: first?.help ?? "run zmgr validate",
        details: { pool, problems },
      },
    );
    this.problems = problems;
  }
}

/** No (or not enough) free addresses in the allocatable set. */
export class PoolExhaustedError extends ZmgrError {
  constructor(pool: string, size: bigint, free: bigint, requested: number, mode: "range" | "list") {
    const message =
      free === 0n
        ? `pool "${pool}" is exhausted (size ${size}, all in use)`
        : `pool "${pool}" has only ${free} free ${free === 1n ? "address" : "addresses"} (size ${size}), ${requested} requested`;
    const grow =
      mode === "range"
        ? `widen range-start/range-end in pools/${pool}.kdl`
        : `add addresses with "zmgr pool add-address ${pool} <address>"`;
    super("zmgr::pool::exhausted", message, {
      help: `${grow}, or destroy zones that no longer need their address (zmgr pool show ${pool} lists them)`,
      details: { pool, size: jsonCount(size), free: jsonCount(free), requested },
    });
  }
}

/** A pinned address outside the pool's allocatable set. */
export class AddressNotAllocatableError extends ZmgrError {
  constructor(pool: string, address: string, reason: string) {
    super(
      "zmgr::pool::address_not_allocatable",
      `${address} cannot be allocated from pool "${pool}": ${reason}`,
      {
        help: `pick an address from the range or list of pool "${pool}" that is not its network, broadcast, gateway or a reserved address`,
        details: { pool, address },
      },
    );
  }
}

/** A pinned address that is already used (or pinned twice in one request). */
export class AddressInUseError extends ZmgrError {
  constructor(pool: string, address: string) {
    super("zmgr::pool::address_in_use", `${address} in pool "${pool}" is already in use`, {
      help: `pick a free address (zmgr pool show ${pool} lists the used ones) or leave out --ip to get the lowest free one`,
      details: { pool, address },
    });
  }
}

/** A bigint as a JSON-safe value: a number when exact, else its decimal string. */
function jsonCount(n: bigint): number | string {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}
