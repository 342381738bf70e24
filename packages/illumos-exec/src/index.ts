export type {
  Command,
  ExecResult,
  Executor,
  LinkInfo,
  VnicInfo,
  ZonecfgInfo,
  ZonecfgNet,
  ZonecfgResource,
  ZoneListEntry,
  ZoneState,
} from "./types.js";
// The simulator half re-exports through ./sim.js (owned by the simulator work).
export * from "./sim.js";
