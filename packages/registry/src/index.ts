export { TEMP_FILE } from "./atomic-write.js";
export type { Claim } from "./claims.js";
export { addressOfClaimKey, claimKeyOf, formatClaim, parseClaim } from "./claims.js";
export { DirectoryStorage, versionOf } from "./dir-storage.js";
export type { LockHolder } from "./errors.js";
export {
  CaseClashError,
  ConflictError,
  InvalidNameError,
  LockedError,
  LockLostError,
  ReadOnlyError,
  RegistryNotFoundError,
  RenameError,
  UnreadableError,
  UnusableFileError,
  ZoneFileMissingError,
} from "./errors.js";
export { toStorageError } from "./fs-errors.js";
export { caseClashes, loadSnapshot } from "./load.js";
export type { LockDeps } from "./lock.js";
export { acquireLock, acquireLockFile, DEFAULT_STALE_MS, staleMsFrom } from "./lock.js";
export type { ProcessProbe } from "./process-probe.js";
export {
  isProcessAlive,
  localProbe,
  machineId,
  processGone,
  processStartTime,
} from "./process-probe.js";
export type { LockRunOptions, RegistryDeps } from "./registry.js";
export { Registry } from "./registry.js";
export type { ReservationJudge, ReservationState, Reserver } from "./reservation.js";
export {
  netAddState,
  reservationState,
  reservedElsewhere,
  withFailure,
  withoutStatus,
  withReservation,
} from "./reservation.js";
export type { ReservedZone, ReserveZoneOptions } from "./reserve-zone.js";
export { reserveZone } from "./reserve-zone.js";
export type { RegistryRootOptions } from "./root.js";
export { resolveRegistryRoot, SYSTEM_REGISTRY } from "./root.js";
export type { LoadedFile, Snapshot } from "./snapshot.js";
export type {
  Change,
  CommitRequest,
  CommitResult,
  Guard,
  LockHandle,
  LockOptions,
  ReservationStep,
  Storage,
  StoredDocument,
} from "./storage.js";
export { KIND_DIRS, LOCK_FILE, relativePath } from "./storage.js";
export {
  CommitRefusedError,
  ContendedError,
  PushIncompleteError,
  ReservationLostError,
  UnreadableLedgerError,
  ZoneExistsError,
} from "./storage-errors.js";
export type { SweepOptions } from "./sweep.js";
export { sweepTempFiles } from "./sweep.js";
