import { ZmgrError } from "@zmgr/errors";
import type { SimState } from "./sim-model.js";

/** The state file does not hold a simulator state zmgr can read. */
export class SimStateError extends ZmgrError {
  constructor(message: string, file?: string, cause?: unknown) {
    super("zmgr::sim::bad_state", message, {
      help: file
        ? `delete ${file} to start again from a fresh simulated host`
        : "pass the object returned by SimHost.toJSON()",
      ...(cause !== undefined ? { cause } : {}),
      details: file ? { file } : {},
    });
  }
}

/** Check the shape of a saved state (structure only; values are trusted as written by us). */
export function restoreState(json: unknown, file?: string, copy = true): SimState {
  const o = json as Partial<SimState> | null;
  if (typeof o !== "object" || o === null || o.version !== 1)
    throw new SimStateError("the simulator state is not a version 1 state object", file);
  for (const k of ["zones", "links", "publishers", "faults"] as const)
    if (!Array.isArray(o[k]))
      throw new SimStateError(`the simulator state has no "${k}" list`, file);
  if (o.flavour !== "omnios" && o.flavour !== "illumos")
    throw new SimStateError(`unknown simulator flavour ${JSON.stringify(o.flavour)}`, file);
  const s = (copy ? JSON.parse(JSON.stringify(o)) : o) as SimState;
  s.delays ??= [];
  s.datasets ??= {};
  return s;
}
