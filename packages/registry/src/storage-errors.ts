import { ZmgrError } from "@zmgr/errors";

/**
 * A zone document cannot be parsed, so the addresses it holds are unknown and none may be handed
 * out: the ledger fails closed (SPEC §3.5). The same code as @zmgr/validate's LedgerUnreadableError.
 */
export class UnreadableLedgerError extends ZmgrError {
  readonly files: string[];
  constructor(files: string[]) {
    const first = files[0] ?? "a zone document";
    const more = files.length > 1 ? ` (and ${files.length - 1} more zone file(s))` : "";
    super(
      "zmgr::registry::ledger_unreadable",
      `${first} cannot be read${more}, so the addresses it holds are unknown`,
      {
        help: `fix or remove ${first} (\`zmgr validate\` shows every problem), then run the command again`,
        details: { files },
      },
    );
    this.files = files;
  }
}

/** Every attempt of a lock-free create met another writer until the time budget ran out. */
export class ContendedError extends ZmgrError {
  constructor(zone: string, attempts: number, budgetMs: number) {
    super(
      "zmgr::registry::contended",
      `could not record zone ${zone}: ${attempts} attempts in ${Math.round(budgetMs / 1000)} s all met other writers`,
      {
        help: "run the command again, or raise --lock-timeout (the retry budget)",
        details: { zone, attempts, budgetMs },
      },
    );
  }
}

/** A create's reservation (its leased key) is gone: it must not take its next host step. */
export class ReservationLostError extends ZmgrError {
  constructor(zone: string, why: string) {
    super("zmgr::registry::reservation_lost", `lost the reservation of zone ${zone}: ${why}`, {
      help: `this create stopped before its next host step; run \`zmgr status ${zone}\` to see the host state, then \`zmgr destroy ${zone}\` or create it again`,
      details: { zone, why },
    });
  }
}

/** The zone already exists, created by another process (its nonce is not ours). */
export class ZoneExistsError extends ZmgrError {
  constructor(zone: string) {
    super("zmgr::zone::exists", `zone ${zone} already exists`, {
      help: "pick another name, or destroy the existing zone first",
      details: { zone },
    });
  }
}

/** A prefix carries `.push`: a `registry push` into it has not finished. */
export class PushIncompleteError extends ZmgrError {
  constructor(url: string) {
    super("zmgr::registry::push_incomplete", `${url} holds an unfinished registry push`, {
      help: `run the same \`zmgr registry push … ${url}\` again to finish it`,
      details: { url },
    });
  }
}

/** A commit cannot be expressed (a zone document that does not parse, a claim held elsewhere). */
export class CommitRefusedError extends ZmgrError {
  constructor(file: string, why: string) {
    super("zmgr::registry::commit_refused", `cannot write ${file}: ${why}`, {
      help: "fix the document first (`zmgr validate` shows where), then run the command again",
      details: { file, why },
    });
  }
}
