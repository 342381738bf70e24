import type { Diagnostic } from "@zmgr/errors";
import type { Snapshot } from "@zmgr/registry";
import { checkZoneAddresses } from "./addresses.js";
import { buildContext } from "./context.js";
import { sortedKeys } from "./diagnostic.js";
import {
  checkUnregisteredHostZones,
  checkZoneAddressesOnHost,
  checkZoneOnHost,
  checkZoneVnicsOnHost,
} from "./host.js";
import { checkTemplateStubs } from "./host-stubs.js";
import { checkZoneNameRule } from "./names.js";
import { checkPoolIntersections, checkPoolSanity, checkPoolStub, checkPoolUsage } from "./pools.js";
import {
  checkDefaultTemplate,
  checkTemplateReferences,
  checkZonePools,
  checkZoneTemplate,
} from "./references.js";
import { checkReservation, defaultReservationDeps } from "./reservations.js";
import type { ValidateOptions, ZoneSubject } from "./types.js";
import { checkTemplateValues, checkZoneValues } from "./values.js";
import { checkZoneVnics } from "./vnics.js";

/**
 * Every rule over a whole registry snapshot (+ host facts when given). The snapshot's own
 * diagnostics (KDL syntax, schema, unknown nodes, v1 files, file-name and case clashes) come first,
 * passed through as they are; a rule's finding at a spot the parser already flagged is dropped.
 */
export function validateSnapshot(snapshot: Snapshot, opts: ValidateOptions = {}): Diagnostic[] {
  const ctx = buildContext(snapshot, opts.host);
  const host = ctx.host;
  const out: Diagnostic[] = [...checkDefaultTemplate(snapshot)];

  const seenStubs = new Set<string>();
  for (const name of sortedKeys(snapshot.templates)) {
    const file = snapshot.templates.get(name)!;
    if (!file.parsed.value) continue;
    const t = { name, template: file.parsed.value, file: file.path };
    out.push(...checkTemplateReferences(snapshot, t), ...checkTemplateValues(t));
    if (host) out.push(...checkTemplateStubs(ctx, host, t, seenStubs));
  }

  for (const entry of ctx.pools.values()) {
    out.push(...checkPoolSanity(entry), ...checkPoolStub(entry));
  }
  out.push(...checkPoolIntersections(ctx), ...checkPoolUsage(ctx));

  const reservation = defaultReservationDeps({
    ...(opts.isAlive ? { isAlive: opts.isAlive } : {}),
    ...(opts.hostname !== undefined ? { hostname: opts.hostname } : {}),
    ...(host ? { host } : {}),
  });
  for (const name of ctx.zoneNames) {
    const file = snapshot.zones.get(name)!;
    if (!file.parsed.value) continue;
    const z: ZoneSubject = { name, zone: file.parsed.value, file: file.path };
    out.push(
      ...checkZoneNameRule(z),
      ...checkZoneTemplate(snapshot, z),
      ...checkZonePools(snapshot, z),
      ...checkZoneAddresses(ctx, z),
      ...checkZoneVnics(ctx, z),
      ...checkZoneValues(z),
      ...checkReservation(z, reservation),
    );
    if (host) {
      out.push(...checkZoneOnHost(host, z), ...checkZoneVnicsOnHost(ctx, host, z));
      if (opts.host) out.push(...checkZoneAddressesOnHost(ctx, opts.host, z));
    }
  }
  if (opts.host) out.push(...checkUnregisteredHostZones(snapshot, opts.host));
  return [...snapshot.diagnostics, ...withoutParsedSpots(snapshot.diagnostics, out)];
}

function spot(d: Diagnostic): string | undefined {
  return d.file === undefined || d.path === undefined
    ? undefined
    : `${d.file}\0${d.path.join("\0")}`;
}

/** Drops rule findings at a (file, path) where the parser already reported an error. */
export function withoutParsedSpots(
  parsed: readonly Diagnostic[],
  found: Diagnostic[],
): Diagnostic[] {
  const flagged = new Set<string>();
  for (const d of parsed) {
    const s = d.severity === "error" ? spot(d) : undefined;
    if (s !== undefined) flagged.add(s);
  }
  if (flagged.size === 0) return found;
  return found.filter((d) => {
    const s = spot(d);
    return s === undefined || !flagged.has(s);
  });
}
