export type { Family, ParsedAddressJson } from "./address.js";
export {
  bitsOf,
  canonicalAddress,
  familyOf,
  formatAddress,
  isAddress,
  isCidr,
  isLinkLocalV6,
  ParsedAddress,
  parseAddress,
} from "./address.js";
export {
  AddressInUseError,
  AddressNotAllocatableError,
  InvalidAddressError,
  InvalidPoolError,
  PoolExhaustedError,
} from "./errors.js";
export type { FoundPool } from "./find-pool.js";
export { findPool } from "./find-pool.js";
export { intersection } from "./intersection.js";
export type { NetworkJson } from "./network.js";
export { Network, parseNetwork } from "./network.js";
export type { IpPoolJson } from "./pool.js";
export { IpPool } from "./pool.js";
export type { PoolField, PoolProblem, PoolSpec } from "./pool-spec.js";
export { validatePool } from "./pool-spec.js";
export type { UtilisationJson } from "./utilisation.js";
export { Utilisation } from "./utilisation.js";
