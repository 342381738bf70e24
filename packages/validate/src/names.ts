import type { Diagnostic } from "@zmgr/errors";
import { checkZoneName } from "@zmgr/illumos-exec";
import type { RuleContext } from "./context.js";
import { diag } from "./diagnostic.js";
import type { ZoneSubject } from "./types.js";

/** Zone names follow illumos rules: `[A-Za-z0-9][A-Za-z0-9_.-]*`, ≤ 63, not `global`, not `SUNW…`. */
export function checkZoneNameRule(z: ZoneSubject): Diagnostic[] {
  const problem = checkZoneName(z.name);
  if (problem === undefined) return [];
  return [
    diag(
      "zmgr::name::invalid_zone_name",
      "error",
      problem,
      'use [A-Za-z0-9][A-Za-z0-9_.-]*, at most 63 characters, not "global" and not starting with SUNW',
      z.file,
      ["zone"],
    ),
  ];
}

/** Pre-flight: the proposed zone must not be registered, not even in another case. */
export function checkZoneNotRegistered(ctx: RuleContext, z: ZoneSubject): Diagnostic[] {
  const existing = ctx.snapshot.zones.get(z.name);
  if (existing) {
    return [
      diag(
        "zmgr::name::zone_exists",
        "error",
        `zone "${z.name}" is already in the registry (${existing.path})`,
        `choose another name, or remove it first with \`zmgr destroy ${z.name}\``,
        z.file,
        ["zone"],
      ),
    ];
  }
  const lower = z.name.toLowerCase();
  const clash = ctx.zoneNames.find((n) => n.toLowerCase() === lower);
  if (clash === undefined) return [];
  return [
    diag(
      "zmgr::name::zone_case_clash",
      "error",
      `zone "${z.name}" differs only in case from registered zone "${clash}"`,
      "choose a name that differs from every registered zone in more than case",
      z.file,
      ["zone"],
    ),
  ];
}
