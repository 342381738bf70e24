import { ZmgrError } from "@zmgr/errors";
import type { PoolProblem } from "./pool-spec.js";

/** A text that is not an IPv4 or IPv6 address ("a" or "a/p"). */
export class InvalidAddressError extends ZmgrError {
  readonly address: string;
  constructor(address: string) {
    super("zmgr::ipam::invalid_address", `"${address}" is not an IPv4 or IPv6 address`, {
      help: 'write an address like "10.1.0.10" or "2001:db8::10", optionally with "/prefix"',
      details: { address },
    });
    this.address = address;
  }
}

/** IpPool.from() on a spec that validatePool() finds errors in. */
export class InvalidPoolError extends ZmgrError {
  readonly pool: string;
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
    this.pool = pool;
    this.problems = problems;
  }
}

/**
 * No (or not enough) free addresses in the allocatable set. In `toJSON()` (and `details`),
 * `size` and `free` are decimal strings, like every bigint ipam puts into JSON.
 */
export class PoolExhaustedError extends ZmgrError {
  readonly pool: string;
  readonly size: bigint;
  readonly free: bigint;
  readonly requested: number;
  readonly mode: "range" | "list";
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
      details: { pool, size: size.toString(), free: free.toString(), requested },
    });
    this.pool = pool;
    this.size = size;
    this.free = free;
    this.requested = requested;
    this.mode = mode;
  }
}

/** A pinned address outside the pool's allocatable set. */
export class AddressNotAllocatableError extends ZmgrError {
  readonly pool: string;
  readonly address: string;
  /** Why not, in words ("it is the gateway or a reserved address"). */
  readonly reason: string;
  constructor(pool: string, address: string, reason: string) {
    super(
      "zmgr::pool::address_not_allocatable",
      `${address} cannot be allocated from pool "${pool}": ${reason}`,
      {
        help: `pick an address from the range or list of pool "${pool}" that is not its network, broadcast, gateway or a reserved address`,
        details: { pool, address, reason },
      },
    );
    this.pool = pool;
    this.address = address;
    this.reason = reason;
  }
}

/** A pinned address that is already used (or pinned twice in one request). */
export class AddressInUseError extends ZmgrError {
  readonly pool: string;
  readonly address: string;
  constructor(pool: string, address: string) {
    super("zmgr::pool::address_in_use", `${address} in pool "${pool}" is already in use`, {
      help: `pick a free address (zmgr pool show ${pool} lists the used ones) or leave out --ip to get the lowest free one`,
      details: { pool, address },
    });
    this.pool = pool;
    this.address = address;
  }
}
