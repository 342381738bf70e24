import { formatAddress, parseAddress } from "@zmgr/ipam";
import type { Pool } from "@zmgr/kdl-schema";
import { zoneOfText } from "./claims.js";
import { ConflictError } from "./errors.js";
import { ipPoolOf } from "./pool-net.js";
import {
  type CommitRequest,
  type CommitResult,
  relativePath,
  type Storage,
  type StoredDocument,
} from "./storage.js";
import { UnreadableLedgerError } from "./storage-errors.js";

/**
 * A directory commit, run under its lock: every guard and expected version is checked first,
 * then each change is written (atomic per file). The reservation step needs nothing here: a
 * directory's reservation is the zone document's own `status "creating"` with pid and start time.
 */
export async function commitChecked(
  storage: Pick<Storage, "list" | "read" | "write" | "remove" | "readMany">,
  request: CommitRequest,
): Promise<CommitResult> {
  const checks = [
    ...(request.guards ?? []),
    ...request.changes.filter((c) => c.expected !== undefined),
  ];
  for (const g of checks) {
    const current = await storage.read(g.kind, g.name);
    const file = relativePath(g.kind, g.name);
    if (g.expected === null && current) throw new ConflictError(file, "exists");
    if (g.expected !== null && g.expected !== undefined && !current) {
      throw new ConflictError(file, "missing");
    }
    if (g.expected && current && current.version !== g.expected) {
      throw new ConflictError(file, "changed");
    }
  }
  await refuseHeldAddresses(storage, request);
  const versions: CommitResult = new Map();
  for (const c of request.changes) {
    if ("remove" in c) await storage.remove(c.kind, c.name, c.expected);
    else {
      const version = await storage.write(c.kind, c.name, c.text, c.expected);
      versions.set(relativePath(c.kind, c.name), { text: c.text, version });
    }
  }
  return versions;
}

/**
 * The used addresses inside the pools' networks, from zone documents (the directory's ledger):
 * ascending, canonical, one per address. Any unusable zone document fails closed.
 */
export function usedInZones(zones: Map<string, StoredDocument>, pools: readonly Pool[]): string[] {
  const ipPools = pools.map(ipPoolOf);
  const nets = ipPools.map((p) => p.network);
  const families = ipPools.map((p) => p.family);
  const unreadable: string[] = [];
  const found = new Map<string, { family: 4 | 6; value: bigint }>();
  for (const [name, doc] of [...zones].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const path = relativePath("zone", name);
    const zone = zoneOfText(doc.text, path);
    if (zone === undefined) {
      unreadable.push(path);
      continue;
    }
    for (const net of zone.nets) {
      for (const text of net.addresses) {
        const p = parseAddress(text);
        if (p === undefined) continue;
        const inside = nets.some(
          (n, i) => families[i] === p.family && p.value >= n.base && p.value <= n.last,
        );
        if (inside) found.set(`${p.family}:${p.value}`, { family: p.family, value: p.value });
      }
    }
  }
  if (unreadable.length > 0) throw new UnreadableLedgerError(unreadable);
  return sortAddresses([...found.values()]);
}

export function sortAddresses(list: { family: 4 | 6; value: bigint }[]): string[] {
  return list
    .sort((a, b) => a.family - b.family || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .map((a) => formatAddress(a.family, a.value));
}

/**
 * The directory's claims check: a zone written by a commit may not take an address that another
 * zone document holds (what etcd's claim keys refuse by themselves). Only addresses the zone did
 * not hold before are checked; any other zone document that does not parse fails closed.
 */
async function refuseHeldAddresses(
  storage: Pick<Storage, "list" | "read" | "readMany">,
  request: CommitRequest,
): Promise<void> {
  const wanted = new Map<string, { zone: string; text: string }>();
  const changed = new Set(request.changes.filter((c) => c.kind === "zone").map((c) => c.name));
  for (const c of request.changes) {
    if (c.kind !== "zone" || "remove" in c) continue;
    const before = await storage.read("zone", c.name);
    const held = new Set(keysOf(before && zoneOfText(before.text, relativePath("zone", c.name))));
    const zone = zoneOfText(c.text, relativePath("zone", c.name));
    for (const net of zone?.nets ?? []) {
      for (const text of net.addresses) {
        const p = parseAddress(text);
        if (p && !held.has(`${p.family}:${p.value}`))
          wanted.set(`${p.family}:${p.value}`, { zone: c.name, text });
      }
    }
  }
  if (wanted.size === 0) return;
  const names = (await storage.list("zone")).filter((n) => !changed.has(n));
  const docs = storage.readMany
    ? await storage.readMany("zone", names)
    : new Map(
        (
          await Promise.all(names.map(async (n) => [n, await storage.read("zone", n)] as const))
        ).filter((e): e is readonly [string, StoredDocument] => e[1] !== undefined),
      );
  const unreadable: string[] = [];
  for (const [name, doc] of docs) {
    const zone = zoneOfText(doc.text, relativePath("zone", name));
    if (zone === undefined) unreadable.push(relativePath("zone", name));
    for (const k of keysOf(zone)) {
      const w = wanted.get(k);
      if (w)
        throw new ConflictError(
          `${w.text} (wanted by zone ${w.zone}, held by zones/${name}.kdl)`,
          "exists",
        );
    }
  }
  if (unreadable.length > 0) throw new UnreadableLedgerError(unreadable);
}

function keysOf(zone: { nets: { addresses: string[] }[] } | undefined): string[] {
  const out: string[] = [];
  for (const net of zone?.nets ?? []) {
    for (const text of net.addresses) {
      const p = parseAddress(text);
      if (p) out.push(`${p.family}:${p.value}`);
    }
  }
  return out;
}
