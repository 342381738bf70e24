// The root API of @zmgr/illumos-exec (README "API"). The strict fake and the output formatters
// that build fake outputs are in `./testing.ts` (`@zmgr/illumos-exec/testing`); the simulator is
// the separate package @zmgr/illumos-sim.
export { type InstallOptions, illumosCommands } from "./commands.js";
export { parseDladmParsable } from "./dladm-parse.js";
export { parseShowEtherstub, parseShowLink, parseShowPhys, parseShowVnic } from "./dladm-rows.js";
export {
  CommandAbortedError,
  CommandFailedError,
  CommandNotFoundError,
  formatArgv,
  PermissionDeniedError,
  UnexpectedOutputError,
  UnsafeValueError,
} from "./errors.js";
export { createExecaExecutor, type ExecaExecutorOptions } from "./execa-executor.js";
export { IllumosHost, type IllumosHostOptions } from "./host.js";
export {
  checkLinkName,
  checkZoneName,
  checkZoneNameSyntax,
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
} from "./plan.js";
export { type RunPlanOptions, runPlan } from "./plan-runner.js";
export { shellJoin, shellQuote } from "./posix-quote.js";
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
  DEFAULT_ZONES_DIR,
  readZoneConfigs,
  type ZoneConfigOptions,
  type ZoneConfigRead,
} from "./zone-configs.js";
export { parseZoneXml } from "./zone-xml.js";
export {
  parseZoneadmList,
  parseZoneadmListVerbose,
  ZONE_STATES,
  type ZoneVerboseEntry,
} from "./zoneadm-list.js";
export { parseZonecfgExport } from "./zonecfg-export.js";
export { parseZonecfgInfo, ZONECFG_INFO_ORDER } from "./zonecfg-info.js";
export { type LexedCommand, lexZonecfg, type Tok, type TokKind } from "./zonecfg-lex.js";
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
