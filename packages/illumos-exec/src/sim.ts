// The illumos simulator (SPEC §4): a stateful host model, its executors and the zmgr-sim entry.
export {
  createFileSimExecutor,
  createSimExecutor,
  type FileSimOptions,
  loadSimHost,
  saveSimHost,
} from "./sim-executor.js";
export { SimHost, type SimLinkSpec, type SimZoneSpec } from "./sim-host.js";
export type { FaultSpec } from "./sim-inject.js";
export { type LockDeps, SimLockTimeoutError } from "./sim-lock.js";
export {
  SIM_PROGRAMS,
  simInteractiveMain,
  simMain,
  simProgram,
  writeSimBinLinks,
} from "./sim-main.js";
export type {
  SimFault,
  SimFlavour,
  SimLink,
  SimPublisher,
  SimResource,
  SimState,
  SimZone,
  SimZoneConfig,
} from "./sim-model.js";
export { runSimSh, type ShResult } from "./sim-sh.js";
export { SimStateError } from "./sim-state-json.js";
export { writeTar } from "./sim-tar.js";
export type { ZloginTarget } from "./sim-zlogin.js";
export { SIM_ZONES_DIR, zoneXml } from "./sim-zone-files.js";
