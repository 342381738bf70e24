export type { Family, ParsedAddress } from "./address.js";
export {
  bitsOf,
  canonicalAddress,
  familyOf,
  formatAddress,
  isLinkLocalV6,
  parseAddress,
} from "./address.js";
export {
  AddressInUseError,
  AddressNotAllocatableError,
  InvalidAddressError,
  InvalidPoolError,
  PoolExhaustedError,
} from "./errors.js";
export { findPool } from "./find-pool.js";
export { intersection } from "./intersection.js";
export type { Network } from "./network.js";
export { parseNetwork } from "./network.js";
export type { Utilisation } from "./pool.js";
export { IpPool } from "./pool.js";
export type { PoolField, PoolProblem, PoolSpec } from "./pool-spec.js";
export { validatePool } from "./pool-spec.js";
