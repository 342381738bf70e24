import { type Claim, claimKeyOf, claimsOfZone, formatClaim, zoneOfText } from "../claims.js";
import { ConflictError } from "../errors.js";
import { type CommitRequest, relativePath } from "../storage.js";
import { CommitRefusedError } from "../storage-errors.js";
import type { TxnRequest } from "./client.js";
import type { KeyLayout } from "./keys.js";
import type { Compare, Op } from "./messages.js";

/** What the backend read before planning: each changed zone's revision and claim keys. */
export interface ZoneBefore {
  /** The zone key's mod revision now ("0" when absent). */
  modRevision: string;
  /** The claim keys (`v4/…`) the stored zone holds. */
  claimKeys: string[];
}

/** Why a compare was made, to tell the caller which one failed. */
export type CompareWhy =
  | { doc: string; expected: string | null }
  | { claim: string; zone: string }
  | { reservation: string; step: "take" | "hold" | "absent" };

export interface CommitPlan {
  txn: TxnRequest;
  why: CompareWhy[];
}

/**
 * One transaction for a commit (SPEC §6): each document compared (absent, or at its revision),
 * each zone's new claims required absent and created with it, its dropped claims deleted, a
 * removed zone's reservation deleted, and the reservation step's compares and ops. Several
 * changes claiming one address are refused before anything is sent.
 */
export function planCommit(
  keys: KeyLayout,
  request: CommitRequest,
  before: Map<string, ZoneBefore>,
  ctx: { host: string; leaseId?: string },
): CommitPlan {
  const compare: Compare[] = [];
  const why: CompareWhy[] = [];
  const ops = new Map<string, Op>();
  const claimedBy = new Map<string, string>();
  const nonce = request.reservation?.step === "take" ? request.reservation.nonce : "";
  for (const g of request.guards ?? []) {
    compare.push(docCompare(keys.doc(g.kind, g.name), g.expected, relativePath(g.kind, g.name)));
    why.push({ doc: relativePath(g.kind, g.name), expected: g.expected });
  }
  for (const c of request.changes) {
    const key = keys.doc(c.kind, c.name);
    const file = relativePath(c.kind, c.name);
    const zoneBefore = c.kind === "zone" ? before.get(c.name) : undefined;
    const expected = c.expected !== undefined ? c.expected : zoneBefore?.modRevision;
    if (expected !== undefined) {
      const want = expected === "0" ? null : expected;
      compare.push(docCompare(key, want, file));
      why.push({ doc: file, expected: want });
    }
    if ("remove" in c) {
      ops.set(key, { delete: { key } });
      if (c.kind === "zone") {
        for (const k of zoneBefore?.claimKeys ?? [])
          ops.set(keys.claim(k), { delete: { key: keys.claim(k) } });
        ops.set(keys.reservation(c.name), { delete: { key: keys.reservation(c.name) } });
      }
      continue;
    }
    ops.set(key, { put: { key, value: c.text } });
    if (c.kind !== "zone") continue;
    const zone = zoneOfText(c.text, file);
    if (zone === undefined)
      throw new CommitRefusedError(file, "it does not parse, so its addresses cannot be claimed");
    const fresh = new Map<string, Claim>();
    for (const claim of claimsOfZone(zone, ctx.host, nonce)) {
      const k = claimKeyOf(claim.address);
      if (k === undefined) continue;
      const other = claimedBy.get(k);
      if (other !== undefined && other !== c.name) {
        throw new CommitRefusedError(
          file,
          `${claim.address} is also claimed by zone ${other} in the same commit`,
        );
      }
      claimedBy.set(k, c.name);
      fresh.set(k, claim);
    }
    const old = new Set(zoneBefore?.claimKeys ?? []);
    for (const [k, claim] of fresh) {
      if (old.has(k)) continue;
      compare.push({ key: keys.claim(k), target: "create", result: "=", operand: "0" });
      why.push({ claim: k, zone: c.name });
      ops.set(keys.claim(k), { put: { key: keys.claim(k), value: formatClaim(claim) } });
    }
    for (const k of old)
      if (!fresh.has(k)) ops.set(keys.claim(k), { delete: { key: keys.claim(k) } });
  }
  const r = request.reservation;
  if (r !== undefined) {
    const key = keys.reservation(r.zone);
    if (r.step === "take" || r.step === "absent") {
      compare.push({ key, target: "create", result: "=", operand: "0" });
      why.push({ reservation: r.zone, step: r.step });
      if (r.step === "take")
        ops.set(key, {
          put: { key, value: r.nonce, ...(ctx.leaseId ? { lease: ctx.leaseId } : {}) },
        });
    } else {
      compare.push({ key, target: "value", result: "=", operand: r.nonce });
      why.push({ reservation: r.zone, step: "hold" });
      if (ctx.leaseId !== undefined) {
        compare.push({ key, target: "lease", result: "=", operand: ctx.leaseId });
        why.push({ reservation: r.zone, step: "hold" });
      }
      if (r.step === "release") ops.set(key, { delete: { key } });
    }
  }
  // On failure, read every compared key back: the caller names the one that changed.
  const failure: Op[] = compare.map((c) => ({
    range: { key: c.key, keysOnly: c.target !== "value" },
  }));
  return { txn: { compare, success: [...ops.values()], failure }, why };
}

function docCompare(key: string, expected: string | null, file = key): Compare {
  // a version from another backend (or made up) is never this key's revision
  if (expected !== null && !/^[1-9][0-9]*$/.test(expected))
    throw new ConflictError(file, "changed");
  return expected === null
    ? { key, target: "create", result: "=", operand: "0" }
    : { key, target: "mod", result: "=", operand: expected };
}
