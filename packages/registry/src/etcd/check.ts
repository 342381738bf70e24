import { ZmgrError } from "@zmgr/errors";
import {
  addressOfClaimKey,
  claimKeyOf,
  claimsOfZone,
  formatClaim,
  parseClaim,
  zoneOfText,
} from "../claims.js";
import { relativePath } from "../storage.js";
import { type BatchItem, sendBatched } from "./batch.js";
import type { EtcdStorage } from "./etcd-storage.js";

export interface ClaimProblem {
  /** The claim key under `<prefix>/claims/` (`v4/0a01000a`). */
  key: string;
  address: string;
  /** The zone whose document holds it (missing) or that the claim names (orphan). */
  zone: string;
}

export interface CheckReport {
  /** Addresses a readable zone holds without a claim. */
  missing: ClaimProblem[];
  /** Claims no zone document holds (the zone is gone, or holds other addresses). */
  orphans: ClaimProblem[];
  /** Addresses claimed for one zone but also held by another zone's document: not repairable. */
  contested: ClaimProblem[];
  /** Whether `repair` fixed missing and orphans. */
  repaired: boolean;
}

/** Claims and zone documents disagree (SPEC §6). */
export class ClaimsMismatchError extends ZmgrError {
  constructor(report: CheckReport) {
    const n = report.missing.length + report.orphans.length + report.contested.length;
    super("zmgr::registry::claims_mismatch", `${n} claim(s) disagree with the zone documents`, {
      help: "run `zmgr registry check --repair` to add missing claims and remove orphans",
      details: { ...report },
    });
  }
}

/**
 * `registry check [--repair]`: compares the claims with the zone documents, both read at one
 * revision. A zone whose document cannot be parsed keeps whatever claims name it. Repair adds
 * each missing claim only while it is absent and its zone unchanged, and removes each orphan
 * only while it and its zone's key are as read: guarded transactions, batched under etcd's limits.
 */
export async function checkClaims(
  storage: EtcdStorage,
  o: { repair?: boolean; host: string },
): Promise<CheckReport> {
  const { kvs } = await storage.client.rangeAll(storage.keys.all(), { prefix: true });
  const zoneDir = storage.keys.kindDir("zone");
  const claimDir = storage.keys.claims();
  const zones = new Map<string, { modRevision: string; keys: Map<string, string> | undefined }>();
  const claims = new Map<string, { modRevision: string; zone: string; text: string }>();
  for (const kv of kvs) {
    if (kv.key.startsWith(zoneDir) && kv.key.endsWith(".kdl")) {
      const name = kv.key.slice(zoneDir.length, -4);
      const zone = zoneOfText(kv.value, relativePath("zone", name));
      const keys = zone ? new Map<string, string>() : undefined;
      for (const c of zone ? claimsOfZone(zone, o.host, "") : []) {
        const k = claimKeyOf(c.address);
        if (k !== undefined) keys!.set(k, formatClaim(c));
      }
      zones.set(name, { modRevision: kv.modRevision, keys });
    } else if (kv.key.startsWith(claimDir)) {
      claims.set(kv.key.slice(claimDir.length), {
        modRevision: kv.modRevision,
        zone: parseClaim(kv.value)?.zone ?? "",
        text: kv.value,
      });
    }
  }
  const report: CheckReport = { missing: [], orphans: [], contested: [], repaired: false };
  const fixes: BatchItem[] = [];
  const adding = new Set<string>();
  for (const [name, z] of zones) {
    for (const [k, text] of z.keys ?? []) {
      const claim = claims.get(k);
      const problem = { key: k, address: addressOfClaimKey(k) ?? k, zone: name };
      if (claim === undefined && adding.has(k)) report.contested.push(problem);
      else if (claim === undefined) {
        adding.add(k);
        report.missing.push(problem);
        fixes.push({
          compare: [
            { key: storage.keys.claim(k), target: "create", result: "=", operand: "0" },
            {
              key: storage.keys.doc("zone", name),
              target: "mod",
              result: "=",
              operand: z.modRevision,
            },
          ],
          ops: [{ put: { key: storage.keys.claim(k), value: text } }],
        });
      } else if (claim.zone !== name) report.contested.push(problem);
    }
  }
  for (const [k, claim] of claims) {
    const z = zones.get(claim.zone);
    if (z !== undefined && (z.keys === undefined || z.keys.has(k))) continue; // held, or unknown: kept
    if (report.contested.some((c) => c.key === k)) continue;
    report.orphans.push({ key: k, address: addressOfClaimKey(k) ?? k, zone: claim.zone });
    const zoneKey = storage.keys.doc("zone", claim.zone);
    fixes.push({
      compare: [
        { key: storage.keys.claim(k), target: "mod", result: "=", operand: claim.modRevision },
        z === undefined
          ? { key: zoneKey, target: "create", result: "=", operand: "0" }
          : { key: zoneKey, target: "mod", result: "=", operand: z.modRevision },
      ],
      ops: [{ delete: { key: storage.keys.claim(k) } }],
    });
  }
  if (o.repair && fixes.length > 0) {
    const failed = await sendBatched(storage.client, fixes);
    report.repaired = failed === 0;
  }
  return report;
}
