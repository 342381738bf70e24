import { readFileSync } from "node:fs";

/**
 * How zmgr tells whether a recorded process still runs: the ONE process prober of the registry
 * (lock holders, reservations, temp-file writers). A process is identified by its pid plus its
 * start time, so a pid reused by another process (after a reboot, or wrapped around) no longer
 * counts as the same process.
 */
export interface ProcessProbe {
  /** `kill(pid, 0)`: false only when no such process exists. */
  isAlive(pid: number): boolean;
  /** The process's start time as the OS records it, or undefined when it cannot be read. */
  startOf(pid: number): string | undefined;
}

/** Is the process recorded as `pid` started at `start` (when recorded) gone from this machine? */
export function processGone(probe: ProcessProbe, pid: number, start?: string): boolean {
  if (!probe.isAlive(pid)) return true;
  if (start === undefined) return false;
  const now = probe.startOf(pid);
  return now !== undefined && now !== start;
}

/** `process.kill(pid, 0)`: ESRCH means gone; EPERM means alive but someone else's. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The start time of `pid`, read the way the OS's own tools read it; never computed from a clock.
 * Linux: field 22 of `/proc/<pid>/stat` (clock ticks after boot), qualified by the boot id so a
 * reboot never makes two processes look alike: `linux:<boot id>:<ticks>`. illumos: `pr_start` of
 * `/proc/<pid>/psinfo` (64-bit layout), `psinfo:<sec>.<nsec>`. Elsewhere: undefined (pid only).
 */
export function processStartTime(pid: number, read = readProcFile): string | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const stat = read(`/proc/${pid}/stat`);
  if (stat !== undefined) return linuxStart(stat.toString("latin1"), read);
  const psinfo = read(`/proc/${pid}/psinfo`);
  if (psinfo !== undefined) return psinfoStart(psinfo);
  return undefined;
}

/** Field 22 (starttime) of a `/proc/<pid>/stat` line; the command name (field 2) may hold spaces. */
export function statStartTicks(stat: string): string | undefined {
  const close = stat.lastIndexOf(")");
  if (close < 0) return undefined;
  // after ")" come fields 3, 4, …: field 22 is index 19 of that list
  const ticks = stat.slice(close + 2).split(" ")[19];
  return ticks !== undefined && /^\d+$/.test(ticks) ? ticks : undefined;
}

function linuxStart(stat: string, read: (path: string) => Buffer | undefined): string | undefined {
  const ticks = statStartTicks(stat);
  if (ticks === undefined) return undefined;
  const boot = read("/proc/sys/kernel/random/boot_id")?.toString("latin1").trim();
  return `linux:${boot ?? "?"}:${ticks}`;
}

/** psinfo_t (64-bit, little-endian x86): pr_start (timestruc_t) at byte 88. */
const PR_START = 88;

export function psinfoStart(psinfo: Buffer): string | undefined {
  if (psinfo.length < PR_START + 16) return undefined;
  const sec = psinfo.readBigInt64LE(PR_START);
  const nsec = psinfo.readBigInt64LE(PR_START + 8);
  return `psinfo:${sec}.${nsec.toString().padStart(9, "0")}`;
}

/**
 * A stable id of this machine: `/etc/machine-id` (or dbus's copy), else undefined. (illumos has
 * no such file; its hostid(1) needs a command, which the lock never runs: the host name is then
 * the identity, as the README says.)
 */
export function machineId(read = readProcFile): string | undefined {
  for (const path of ["/etc/machine-id", "/var/lib/dbus/machine-id"]) {
    const id = read(path)?.toString("latin1").trim();
    if (id) return id;
  }
  return undefined;
}

function readProcFile(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The probe of this machine. */
export const localProbe: ProcessProbe = { isAlive: isProcessAlive, startOf: processStartTime };

/** Two records name the same machine: by host id when both have one, else by host name. */
export function sameMachine(
  a: { host?: string | undefined; hostId?: string | undefined },
  b: { host?: string | undefined; hostId?: string | undefined },
): boolean {
  if (a.hostId !== undefined && b.hostId !== undefined) return a.hostId === b.hostId;
  return a.host !== undefined && a.host === b.host;
}

/** The probe a set of deps means: `probe`, else pid-only `isAlive` (made-up pids), else local. */
export function probeOf(deps: {
  probe?: ProcessProbe | undefined;
  isAlive?: ((pid: number) => boolean) | undefined;
}): ProcessProbe {
  if (deps.probe) return deps.probe;
  if (deps.isAlive) return { isAlive: deps.isAlive, startOf: () => undefined };
  return localProbe;
}
