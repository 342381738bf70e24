export { prefixEnd } from "./bytes.js";
export type { CheckReport, ClaimProblem } from "./check.js";
export { ClaimsMismatchError, checkClaims } from "./check.js";
export type { LeaseState, TxnRequest, TxnResult } from "./client.js";
export { EtcdClient, MAX_TXN_OPS } from "./client.js";
export type { ConnectionOptions, RequestKind } from "./connection.js";
export { MAX_REQUEST_BYTES } from "./connection.js";
export type { EndpointFailure } from "./errors.js";
export {
  EtcdServerError,
  InsecureCredentialsError,
  InvalidEtcdUrlError,
  OutcomeUnknownError,
  RequestTooLargeError,
  TlsFileError,
  UnreachableError,
} from "./errors.js";
export type { EtcdStorageOptions } from "./etcd-storage.js";
export { EtcdStorage } from "./etcd-storage.js";
export { KeyLayout } from "./keys.js";
export type { LeaseTimers } from "./lease-keeper.js";
export type {
  Compare,
  CompareResult,
  CompareTarget,
  KeyValue,
  Op,
  OpResult,
  RangeOptions,
  RangeResult,
  RangeSpec,
} from "./messages.js";
export type { EtcdEnvDeps } from "./options.js";
export { connectionOptions } from "./options.js";
export type { PullReport } from "./pull.js";
export { PullTargetNotEmptyError, pullPathOf, pullRegistry } from "./pull.js";
export type { PushOptions, PushReport } from "./push.js";
export {
  MOVED_FILE,
  PushTargetNotEmptyError,
  PushWhileCreatingError,
  pushRegistry,
} from "./push.js";
export type { TlsMaterial } from "./transport.js";
export type { EtcdEndpoint, EtcdUrl } from "./url.js";
export { formatEndpoint, isEtcdUrl, parseEtcdUrl } from "./url.js";
