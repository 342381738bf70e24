import type { Diagnostic } from "@zmgr/errors";
import type { Template, Zone } from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";
import { checkZoneAddresses } from "./addresses.js";
import { buildContext } from "./context.js";
import { checkVnicsFreeOnHost, checkZoneFreeOnHost } from "./host.js";
import { checkTemplateStubs, checkZoneStubs } from "./host-stubs.js";
import { checkZoneNameRule, checkZoneNotRegistered } from "./names.js";
import { checkPoolStubsOf } from "./pools.js";
import { checkTemplateReferences } from "./references.js";
import type { HostFacts, TemplateSubject, ZoneSubject } from "./types.js";
import { checkTemplateValues, checkZoneValues } from "./values.js";
import { checkZoneVnics } from "./vnics.js";

/**
 * The create pre-flight: the rules of `validateSnapshot` applied to a zone that is not written
 * yet (its nets already carry the allocated or pinned addresses, VNIC names and stubs), plus the
 * host checks: not on the host, stubs present and of the right class, VNICs free. The stubs of
 * the pools it draws from (template's and zone's nets) must follow the link-name rules.
 * Diagnostics about the proposed zone carry no `file` (it does not exist yet).
 */
export function validateProposedZone(
  snapshot: Snapshot,
  zone: Zone,
  template: Template,
  host?: HostFacts,
): Diagnostic[] {
  const ctx = buildContext(snapshot, host);
  const z: ZoneSubject = { name: zone.name, zone };
  const templateFile = snapshot.templates.get(template.name)?.path;
  const t: TemplateSubject = { name: template.name, template };
  if (templateFile !== undefined) t.file = templateFile;

  const out: Diagnostic[] = [
    ...checkZoneNameRule(z),
    ...checkZoneNotRegistered(ctx, z),
    ...checkTemplateReferences(snapshot, t),
    ...checkTemplateValues(t),
    ...checkPoolStubsOf(ctx, [
      ...template.nets.flatMap((n) => n.pools),
      ...zone.nets.flatMap((n) => n.pools),
    ]),
    ...checkZoneVnics(ctx, z),
    ...checkZoneValues(z),
    ...checkZoneAddresses(ctx, z),
  ];
  if (ctx.host) {
    out.push(...checkZoneFreeOnHost(ctx.host, z), ...checkVnicsFreeOnHost(ctx.host, z));
    const withStubs = zone.nets.some((n) => n.stub !== undefined);
    out.push(
      ...(withStubs
        ? checkZoneStubs(ctx.host, z, template.ipType)
        : checkTemplateStubs(ctx, ctx.host, t)),
    );
  }
  return out;
}
