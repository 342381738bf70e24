import type { ZonecfgInfo, ZoneListEntry } from "@zmgr/illumos-exec";
import type { Template, Zone } from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";
import { validateProposedZone } from "@zmgr/validate";
import { type Claims, claim, findClash } from "./ledger.js";
import { groupNets } from "./nets.js";
import { matchPool, type PoolIndex, type PoolMatch } from "./pools.js";
import { skip } from "./skips.js";
import { chooseTemplate, netNames } from "./template-match.js";
import type { ImportReportEntry } from "./types.js";
import { reportNets, toZoneNet } from "./zone-net.js";

export interface AdoptContext {
  snapshot: Snapshot;
  templates: Template[];
  defaultTemplate: string;
  pools: PoolIndex;
  /** VNIC link → the link it is over (`dladm show-vnic`). */
  vnics: Map<string, string>;
  /** Addresses held by registered zones, and by zones adopted earlier in this run. */
  claims: Claims;
  today: string;
}

export type Adoption =
  | { zone: Zone; entry: ImportReportEntry }
  | { zone?: undefined; entry: ImportReportEntry };

/** Turns one host zone into a registry zone, or says why it cannot be adopted. */
export function adoptZone(ctx: AdoptContext, listed: ZoneListEntry, info: ZonecfgInfo): Adoption {
  const name = listed.name;
  const brand = info.brand ?? listed.brand;
  // zoneadm list -p always prints the ip-type; zonecfg info leaves the line out on some systems
  // (Solaris kernel zones) and in partial output, where it reads as shared.
  const ipType = listed.ipType;
  const grouped = groupNets(info.nets, ipType);
  if (grouped.problems.length > 0) {
    return {
      entry: skip(
        name,
        "zmgr::import::unreadable_net",
        grouped.problems.join("; "),
        `set numeric addresses with \`zonecfg -z ${name}\`, then import again`,
        { brand },
      ),
    };
  }
  const warnings = [...grouped.warnings];
  const matches = grouped.nets.map((net) =>
    net.addresses.map((a) => matchPool(ctx.pools, a.address)),
  );
  const shape = { brand, ipType, nets: matches.map((m) => ({ pools: m.map((x) => x?.pool) })) };
  const choice = chooseTemplate(shape, ctx.templates, ctx.defaultTemplate);
  if (!choice) {
    return {
      entry: skip(
        name,
        "zmgr::import::no_template",
        `no template for brand ${brand}`,
        templateHelp(brand, ipType, info, matches),
        { brand },
      ),
    };
  }
  if (choice.template.ipType !== ipType) {
    warnings.push(
      `template ${choice.template.name} is ${choice.template.ipType}-IP, the zone is ${ipType}-IP`,
    );
  }
  const zonepath = info.zonepath ?? listed.zonepath;
  const expected = `${ctx.snapshot.config.zonepathPrefix.replace(/\/+$/, "")}/${name}`;
  if (zonepath && zonepath !== expected) {
    warnings.push(`zonepath ${zonepath} is not ${expected} (zonepath-prefix of config.kdl)`);
  }
  const names = netNames(choice.linedUp);
  const nets = grouped.nets.map((hostNet, i) =>
    toZoneNet(ctx.vnics, names[i] ?? `net${i}`, hostNet, matches[i] ?? [], ipType, warnings),
  );
  const zone: Zone = { name, template: choice.template.name, nets, created: ctx.today };
  const clash = findClash(ctx.claims, zone);
  if (clash) {
    return {
      entry: skip(
        name,
        "zmgr::import::address_in_use",
        `address ${clash.address} is already used by zone ${clash.owner} (${ctx.snapshot.zones.has(clash.owner) ? `zones/${clash.owner}.kdl` : "imported in this run"})`,
        `find out which zone really owns ${clash.address}; fix the other one (zonecfg -z ${name}, or zones/${clash.owner}.kdl), then import again`,
        { brand, template: choice.template.name, nets: reportNets(nets), warnings },
      ),
    };
  }
  const rules = checkRules(ctx, zone, choice.template);
  warnings.push(...rules.warnings);
  if (rules.error) {
    return {
      entry: skip(name, rules.error.code, rules.error.message, rules.error.help, {
        brand,
        template: choice.template.name,
        nets: reportNets(nets),
        warnings,
      }),
    };
  }
  claim(ctx.claims, zone);
  const entry: ImportReportEntry = {
    zone: name,
    outcome: "would-import",
    brand,
    template: choice.template.name,
    nets: reportNets(nets),
    file: `zones/${name}.kdl`,
    warnings,
  };
  return { zone, entry };
}

/** Warnings the importer already gives in its own words. */
const OWN_WARNINGS = new Set([
  "zmgr::address::outside_pools",
  "zmgr::address::outside_recorded_pool",
]);

/**
 * The rules `validate` and `create` apply (SPEC §3.4), on the zone about to be written. Only
 * findings about the zone itself count (they carry no file); a template's own problems do not
 * stop its zones from being adopted.
 */
function checkRules(ctx: AdoptContext, zone: Zone, template: Template) {
  const found = validateProposedZone(ctx.snapshot, zone, template).filter(
    (d) => d.file === undefined,
  );
  return {
    error: found.find((d) => d.severity === "error"),
    warnings: found
      .filter((d) => d.severity === "warning" && !OWN_WARNINGS.has(d.code))
      .map((d) => d.message),
  };
}

function templateHelp(
  brand: string,
  ipType: "exclusive" | "shared",
  info: ZonecfgInfo,
  matches: (PoolMatch | undefined)[][],
): string {
  const nets = matches.length === 0 ? [[undefined]] : matches;
  const netArgs = nets.map((m, i) => {
    const pools = [...new Set(m.flatMap((x) => (x ? [x.pool] : [])))];
    return `--net net${i}=${pools.length > 0 ? pools.join(",") : "<pool>"}`;
  });
  const flags = [
    `--brand ${brand}`,
    ...(info.autoboot ? ["--autoboot"] : []),
    ...(ipType === "shared" ? ["--ip-type shared"] : []),
    ...netArgs,
  ];
  return `create one: zmgr template create <name> ${flags.join(" ")}`;
}
