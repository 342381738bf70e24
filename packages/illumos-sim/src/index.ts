// @zmgr/illumos-sim (SPEC §4): a stateful simulated illumos host, its executors (in-process and on
// a shared state file) and the `zmgr-sim` entry. README "API".

export { runZmgrSim } from "./sim-bin.js";
export {
  createFileSimExecutor,
  createSimExecutor,
  type FileSimOptions,
  loadSimHost,
  saveSimHost,
} from "./sim-executor.js";
export { SimHost, type SimLinkSpec, type SimZoneSpec } from "./sim-host.js";
export type { FaultSpec } from "./sim-inject.js";
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
export { SimLockTimeoutError, type StateLockOptions } from "./sim-state-lock.js";
export type { ZloginTarget } from "./sim-zlogin.js";
export { SIM_ZONES_DIR, zoneXml } from "./sim-zone-files.js";
