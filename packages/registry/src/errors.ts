import { ZmgrError } from "@zmgr/errors";

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/** Another process holds the registry lock longer than we were willing to wait. */
export class LockedError extends ZmgrError {
  readonly holder: LockHolder | undefined;
  readonly lockFile: string;
  readonly waitedMs: number;
  constructor(lockFile: string, holder: LockHolder | undefined, waitedMs: number) {
    const who = holder
      ? `process ${holder.pid} on ${holder.host} (since ${holder.since})`
      : "another process";
    super("zmgr::registry::locked", `the registry is locked by ${who}`, {
      help: `wait for it to finish and retry, raise --lock-timeout (waited ${Math.round(waitedMs / 1000)} s), or remove ${lockFile} if that process is gone`,
      details: { lockFile, ...(holder ? { holder } : {}) },
    });
    this.holder = holder;
    this.lockFile = lockFile;
    this.waitedMs = waitedMs;
  }
}

/** This process's registry lock was taken over (or could not be kept): it writes nothing more. */
export class LockLostError extends ZmgrError {
  readonly lockFile: string;
  /** What happened to the lock, in words. */
  readonly reason: string;
  constructor(lockFile: string, why: string, cause?: unknown) {
    super("zmgr::registry::lock_lost", `lost the registry lock: ${why}`, {
      help: "this process was paused or slowed past the lock's staleness (60 s without refresh) and another zmgr took over; nothing more was written: check the registry with `zmgr validate` and run the command again",
      ...(cause === undefined ? {} : { cause }),
      details: { lockFile, reason: why },
    });
    this.lockFile = lockFile;
    this.reason = why;
  }
}

/** A compare-and-swap write or remove found the file changed since it was read. */
export class ConflictError extends ZmgrError {
  readonly file: string;
  readonly reason: "changed" | "exists" | "missing";
  constructor(file: string, reason: "changed" | "exists" | "missing") {
    const what = {
      changed: `${file} changed since it was read`,
      exists: `${file} already exists`,
      missing: `${file} was removed since it was read`,
    }[reason];
    super("zmgr::registry::conflict", what, {
      help: "another zmgr process edited the registry at the same time; run the command again",
      details: { file, reason },
    });
    this.file = file;
    this.reason = reason;
  }
}

/** The registry (or one file in it) cannot be written. */
export class ReadOnlyError extends ZmgrError {
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super("zmgr::registry::read_only", `the registry is read-only: cannot write ${path}`, {
      help: "run zmgr as a user that may write the registry (e.g. through pfexec), or point --registry at a writable copy",
      cause,
      details: { path },
    });
    this.path = path;
  }
}

/** The registry cannot be read (permissions, not a directory, I/O error). */
export class UnreadableError extends ZmgrError {
  readonly path: string;
  /** The errno code (`EACCES`, …), or "unknown error". */
  readonly errno: string;
  constructor(path: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? "unknown error";
    super("zmgr::registry::unreadable", `cannot read ${path} (${code})`, {
      help: "check the permissions of the registry directory, or point --registry at another one",
      cause,
      details: { path, errno: code },
    });
    this.path = path;
    this.errno = code;
  }
}

/** The registry root does not exist (or is not a directory). */
export class RegistryNotFoundError extends ZmgrError {
  readonly root: string;
  constructor(root: string, cause?: unknown) {
    super("zmgr::registry::not_found", `no registry at ${root}`, {
      help: `run \`zmgr init\` to create one there, or point --registry / $ZMGR_REGISTRY at an existing registry`,
      cause,
      details: { root },
    });
    this.root = root;
  }
}

/** A name that cannot be a registry file name (template, pool, publisher or zone). */
export class InvalidNameError extends ZmgrError {
  /** template, pool, publisher or zone. */
  readonly kind: string;
  readonly entityName: string;
  readonly problem: string;
  constructor(kind: string, name: string, problem: string) {
    super("zmgr::registry::invalid_name", `invalid ${kind} name "${name}": ${problem}`, {
      help: "names start with a letter or digit and use only letters, digits, '_', '.' and '-'",
      details: { kind, name, problem },
    });
    this.kind = kind;
    this.entityName = name;
    this.problem = problem;
  }
}

/** A new name differs only in case from an existing one (they collide on case-insensitive file systems). */
export class CaseClashError extends ZmgrError {
  readonly file: string;
  readonly existing: string;
  constructor(file: string, existing: string) {
    super("zmgr::registry::case_clash", `${file} would clash with ${existing}`, {
      help: "names that differ only in case collide on case-insensitive file systems; pick another name",
      details: { file, existing },
    });
    this.file = file;
    this.existing = existing;
  }
}

/** An edit of a file that does not parse: zmgr will not guess what to keep. */
export class UnusableFileError extends ZmgrError {
  readonly file: string;
  constructor(file: string) {
    super("zmgr::registry::unusable_file", `cannot edit ${file}: it has errors`, {
      help: "fix the file by hand first (`zmgr validate` shows where)",
      details: { file },
    });
    this.file = file;
  }
}

/** `put` was given the loaded file of another document. */
export class RenameError extends ZmgrError {
  readonly from: string;
  readonly to: string;
  constructor(from: string, to: string) {
    super("zmgr::registry::rename", `cannot turn ${from} into ${to}`, {
      help: "create the new document and remove the old one",
      details: { from, to },
    });
    this.from = from;
    this.to = to;
  }
}

/** A reservation edit found no usable zone file. */
export class ZoneFileMissingError extends ZmgrError {
  readonly zone: string;
  constructor(name: string) {
    super("zmgr::registry::zone_missing", `zones/${name}.kdl is missing or unusable`, {
      help: "run `zmgr status` to see what is left of the zone",
      details: { zone: name },
    });
    this.zone = name;
  }
}
