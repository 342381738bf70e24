import type { Template, TemplateNet } from "@zmgr/kdl-schema";

/** What template matching needs to know about a host zone. */
export interface ZoneShape {
  brand: string;
  ipType: "exclusive" | "shared";
  /** Per registry net, the pool of each address (undefined: the address is in no pool). */
  nets: { pools: (string | undefined)[] }[];
}

export interface TemplateChoice {
  template: Template;
  /** Per zone net, the template net it lines up with (same pools), if any. */
  linedUp: (TemplateNet | undefined)[];
  /** Addresses of the zone that lie in pools of the template's nets. */
  covered: number;
}

/**
 * SPEC §3.3: among templates of the zone's brand, one whose nets' pools contain the zone's
 * addresses wins over one that only shares the brand; then (zmgr's refinement) the same ip-type,
 * more nets lined up and the same number of nets; remaining ties go to the default template,
 * then to the first name.
 */
export function chooseTemplate(
  zone: ZoneShape,
  templates: Template[],
  defaultTemplate: string,
): TemplateChoice | undefined {
  const scored = templates
    .filter((t) => t.brand === zone.brand)
    .map((template) => {
      const choice = lineUp(zone, template);
      const score = [
        choice.covered,
        template.ipType === zone.ipType ? 1 : 0,
        choice.linedUp.filter((n) => n !== undefined).length,
        template.nets.length === zone.nets.length ? 1 : 0,
        template.name === defaultTemplate ? 1 : 0,
      ];
      return { choice, score };
    });
  scored.sort((a, b) => {
    for (let i = 0; i < a.score.length; i++) {
      const d = (b.score[i] ?? 0) - (a.score[i] ?? 0);
      if (d !== 0) return d;
    }
    return a.choice.template.name < b.choice.template.name ? -1 : 1;
  });
  return scored[0]?.choice;
}

/** Pairs zone nets with template nets: exact pool sets first, then template nets that contain them. */
export function lineUp(zone: ZoneShape, template: Template): TemplateChoice {
  const inTemplate = new Set(template.nets.flatMap((n) => n.pools));
  const covered = zone.nets
    .flatMap((n) => n.pools)
    .filter((p) => p !== undefined && inTemplate.has(p)).length;
  const linedUp: (TemplateNet | undefined)[] = zone.nets.map(() => undefined);
  const used = new Set<TemplateNet>();
  const passes: ((pools: string[], net: TemplateNet) => boolean)[] = [
    (pools, net) => sameSet(pools, net.pools),
    (pools, net) => pools.every((p) => net.pools.includes(p)),
  ];
  for (const fits of passes) {
    zone.nets.forEach((zoneNet, i) => {
      if (linedUp[i]) return;
      const pools = zoneNet.pools.filter((p): p is string => p !== undefined);
      if (pools.length === 0) return; // addresses in no pool neither help nor hinder
      const net = template.nets.find((n) => !used.has(n) && fits(pools, n));
      if (net) {
        linedUp[i] = net;
        used.add(net);
      }
    });
  }
  return { template, linedUp, covered };
}

/** Registry net names: the lined-up template net's name, else `net0`, `net1`… (never twice). */
export function netNames(linedUp: (TemplateNet | undefined)[]): string[] {
  const taken = new Set(linedUp.flatMap((n) => (n ? [n.name] : [])));
  return linedUp.map((net, i) => {
    if (net) return net.name;
    let n = i;
    while (taken.has(`net${n}`)) n++;
    taken.add(`net${n}`);
    return `net${n}`;
  });
}

function sameSet(a: string[], b: string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
