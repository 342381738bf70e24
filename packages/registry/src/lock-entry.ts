// `@zmgr/registry/lock`: the lock and the process probe alone, without the registry (and its KDL
// parser). The simulator's state-file lock uses this entry.
export { LockedError, type LockHolder, LockLostError } from "./errors.js";
export { acquireLockFile, DEFAULT_STALE_MS, type LockDeps, staleMsFrom } from "./lock.js";
export {
  isProcessAlive,
  localProbe,
  type ProcessProbe,
  processGone,
  processStartTime,
} from "./process-probe.js";
export type { LockHandle, LockOptions } from "./storage.js";
