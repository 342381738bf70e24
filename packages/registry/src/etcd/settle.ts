import { claimKeyOf, parseClaim, zoneOfText } from "../claims.js";
import { type CommitRequest, type CommitResult, relativePath } from "../storage.js";
import { ZoneExistsError } from "../storage-errors.js";
import type { CommitPlan } from "./commit-plan.js";
import { OutcomeUnknownError } from "./errors.js";
import type { EtcdStorage } from "./etcd-storage.js";

const RESENDS = 3;

/**
 * Sends a create's txn (reservation `take`) and settles a lost reply by its nonce (SPEC §6): a
 * linearizable read of the zone key decides. Our nonce (on its claims or its reservation) →
 * committed: the stored document is the result, not this attempt's text. Absent → send the same
 * txn again. Another nonce → `zmgr::zone::exists`.
 */
export async function settleTake(
  storage: EtcdStorage,
  plan: CommitPlan,
  request: CommitRequest,
): Promise<CommitResult> {
  const r = request.reservation!;
  for (let attempt = 0; ; attempt++) {
    try {
      return await storage.send(plan, request);
    } catch (err) {
      if (!(err instanceof OutcomeUnknownError) || attempt >= RESENDS) throw err;
    }
    const stored = (await storage.client.range(storage.keys.doc("zone", r.zone))).kvs[0];
    if (stored === undefined) continue; // not applied: the same txn, the same nonce, again
    if (!(await committedBy(storage, r.zone, stored.value, r.nonce)))
      throw new ZoneExistsError(r.zone);
    const out: CommitResult = new Map();
    for (const c of request.changes) {
      if ("remove" in c) continue;
      const path = relativePath(c.kind, c.name);
      if (c.kind === "zone" && c.name === r.zone)
        out.set(path, { text: stored.value, version: stored.modRevision });
      else {
        const kv = (await storage.client.range(storage.keys.doc(c.kind, c.name))).kvs[0];
        if (kv) out.set(path, { text: kv.value, version: kv.modRevision });
      }
    }
    return out;
  }
}

async function committedBy(
  storage: EtcdStorage,
  zone: string,
  text: string,
  nonce: string,
): Promise<boolean> {
  const reservation = (await storage.client.range(storage.keys.reservation(zone))).kvs[0];
  if (reservation?.value === nonce) return true;
  const parsed = zoneOfText(text, relativePath("zone", zone));
  for (const address of parsed?.nets.flatMap((n) => n.addresses) ?? []) {
    const k = claimKeyOf(address);
    if (k === undefined) continue;
    const kv = (await storage.client.range(storage.keys.claim(k))).kvs[0];
    const claim = kv ? parseClaim(kv.value) : undefined;
    if (claim?.zone === zone && claim.txn === nonce) return true;
  }
  return false;
}
