import { ZmgrError } from "@zmgr/errors";
import { acquireLockFile, type LockDeps, LockedError } from "@zmgr/registry/lock";

/** Another process held the simulator state lock for longer than the wait allows. */
export class SimLockTimeoutError extends ZmgrError {
  constructor(lockFile: string, cause: LockedError) {
    const h = cause.holder;
    const who = h ? `process ${h.pid} on ${h.host} (since ${h.since})` : "another process";
    super("zmgr::sim::locked", `the simulator state is locked by ${who}`, {
      help: `wait for that simulator command to finish, raise $ZMGR_SIM_LOCK_TIMEOUT_MS, or delete ${lockFile} if that process is gone`,
      cause,
      details: { lockFile, ...(h ? { holder: h } : {}) },
    });
  }
}

/** The state lock's wait and how it judges processes and time. */
export interface StateLockOptions {
  /** How long to wait for another holder (default 30 s; zmgr-sim: `$ZMGR_SIM_LOCK_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** Injected clock, process probe, pid and staleness: `@zmgr/registry`'s lock deps. */
  lockDeps?: LockDeps;
}

/**
 * Takes `<stateFile>.lock` with zmgr's one lock implementation (`@zmgr/registry/lock`: created
 * whole, a dead or unrefreshed holder taken over, token checked at release). Returns the release.
 */
export async function lockState(
  stateFile: string,
  options: StateLockOptions = {},
): Promise<() => Promise<void>> {
  const lockFile = `${stateFile}.lock`;
  try {
    const handle = await acquireLockFile(
      lockFile,
      { timeoutMs: options.timeoutMs ?? 30_000 },
      options.lockDeps ?? {},
    );
    return () => handle.release();
  } catch (e) {
    throw e instanceof LockedError ? new SimLockTimeoutError(lockFile, e) : e;
  }
}
