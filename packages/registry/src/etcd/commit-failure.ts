import { addressOfClaimKey } from "../claims.js";
import { ConflictError } from "../errors.js";
import { ReservationLostError } from "../storage-errors.js";
import type { TxnResult } from "./client.js";
import type { CommitPlan } from "./commit-plan.js";

/**
 * The error for a failed commit txn: its failure branch read back every compared key, so the
 * first compare that no longer holds names what changed (a document, a claimed address, a
 * reservation).
 */
export function commitFailure(plan: CommitPlan, result: TxnResult): Error {
  for (let i = 0; i < plan.txn.compare.length; i++) {
    const c = plan.txn.compare[i]!;
    const why = plan.why[i]!;
    const r = result.responses[i];
    const kv = r && "range" in r ? r.range.kvs[0] : undefined;
    const holds =
      c.target === "create"
        ? kv === undefined
        : c.target === "mod"
          ? kv?.modRevision === c.operand
          : c.target === "value"
            ? kv?.value === c.operand
            : kv?.lease === c.operand;
    if (holds) continue;
    if ("doc" in why) {
      return new ConflictError(
        why.doc,
        why.expected === null ? "exists" : kv ? "changed" : "missing",
      );
    }
    if ("claim" in why) {
      const address = addressOfClaimKey(why.claim) ?? why.claim;
      return new ConflictError(
        `claims/${why.claim} (${address}, wanted by zone ${why.zone})`,
        "exists",
      );
    }
    if (why.step === "hold") {
      return new ReservationLostError(
        why.reservation,
        kv ? "another create holds it now" : "its key is gone (the lease expired or was revoked)",
      );
    }
    return new ConflictError(`reservations/${why.reservation}`, "exists");
  }
  return new ConflictError("the registry", "changed");
}
