export {
  type InstallOptions,
  illumosCommands,
  LINK_FIELDS,
  operand,
  PHYS_FIELDS,
  VNIC_FIELDS,
} from "./commands.js";
export {
  escapeDladmValue,
  formatDladmParsable,
  parseDladmParsable,
  parseDladmTable,
} from "./dladm-parse.js";
export { parseShowEtherstub, parseShowLink, parseShowPhys, parseShowVnic } from "./dladm-rows.js";
export {
  argvOf,
  CommandAbortedError,
  CommandFailedError,
  CommandNotFoundError,
  failureOf,
  formatArgv,
  PermissionDeniedError,
  privilegeComplaint,
  UnexpectedOutputError,
  UnsafeValueError,
} from "./errors.js";
export { createExecaExecutor, type ExecaExecutorOptions } from "./execa-executor.js";
export { type ArgMatcher, FakeExecutor, type FakeOutput } from "./fake-executor.js";
export { IllumosHost, type IllumosHostOptions } from "./host.js";
export {
  checkLinkName,
  checkZoneName,
  DEFAULT_VNIC_PATTERN,
  defaultVnicName,
  linkSafeZoneName,
  MAX_LINK_NAME,
  MAX_ZONE_NAME,
} from "./names.js";
export {
  commandStep,
  describePlan,
  type Plan,
  PlanAbortedError,
  type PlanDescription,
  type PlanEvent,
  type PlanFailure,
  type PlanResult,
  type PlanStep,
  type StepContext,
  type StepError,
  type StepReport,
  stepErrorOf,
} from "./plan.js";
export { type RunPlanOptions, runPlan } from "./plan-runner.js";
export { shellJoin, shellQuote } from "./posix-quote.js";
// The simulator half re-exports through ./sim.js (owned by the simulator work).
export * from "./sim.js";
// The ssh executor (SPEC §5).
export type { SshPaths } from "./ssh-args.js";
export { classifySsh255, type SshFailure } from "./ssh-classify.js";
export { COMMAND_PREFIXES, checkDestination, type SshHostConfig } from "./ssh-config.js";
export {
  HostClosedError,
  HostConfigError,
  type HostErrorContext,
  HostKeyChangedError,
  HostKeyUnknownError,
  HostLostError,
  HostSessionRefusedError,
  HostUnreachableError,
} from "./ssh-errors.js";
export { createSshExecutor, type SshExecutor, type SshExecutorOptions } from "./ssh-executor.js";
export type { SshDeps, SshOutcome, SshSpawnOptions } from "./ssh-spawn.js";
export { readTar, type TarMember } from "./tar-read.js";
export type {
  Command,
  ExecResult,
  Executor,
  LinkInfo,
  PhysInfo,
  TerminalIo,
  VnicInfo,
  ZonecfgInfo,
  ZonecfgNet,
  ZonecfgResource,
  ZoneListEntry,
  ZoneState,
} from "./types.js";
export {
  DEFAULT_ZONECFG_CONCURRENCY,
  DEFAULT_ZONES_DIR,
  readZoneConfigs,
  type ZoneConfigOptions,
  type ZoneConfigRead,
} from "./zone-configs.js";
export { parseZoneXml, zoneInfoFromElement } from "./zone-xml.js";
export { parseXmlElements, type XmlElement } from "./zone-xml-read.js";
export {
  escapeZonepath,
  formatZoneadmLine,
  parseZoneadmLine,
  parseZoneadmList,
  parseZoneadmListVerbose,
  ZONE_STATES,
  type ZoneVerboseEntry,
} from "./zoneadm-list.js";
export { parseZonecfgExport, tokenizeZonecfg } from "./zonecfg-export.js";
export {
  isNoSuchZone,
  parseZonecfgInfo,
  toZonecfgNet,
  ZONECFG_INFO_ORDER,
  ZONECFG_RESOURCE_TYPES,
} from "./zonecfg-info.js";
export {
  ADDRESS_FIELD_LIMIT,
  buildAddNetScript,
  buildRemoveNetScript,
  buildZonecfgScript,
  checkAddressFieldLength,
  checkZonecfgValue,
  quoteZonecfgValue,
  type ZoneConfigSpec,
} from "./zonecfg-script.js";
export { bytesToUnits } from "./zonecfg-units.js";
