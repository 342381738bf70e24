import type { Diagnostic } from "@zmgr/errors";
import type { Snapshot } from "@zmgr/registry";
import { at, diag, similarName } from "./diagnostic.js";
import type { TemplateSubject, ZoneSubject } from "./types.js";

function hint(name: string, names: Iterable<string>, fallback: string): string {
  const other = similarName(name, names);
  return other === undefined ? fallback : `did you mean "${other}"? (names are case-sensitive)`;
}

/** config.kdl `default-template` must name an existing template. */
export function checkDefaultTemplate(snapshot: Snapshot): Diagnostic[] {
  const name = snapshot.config.defaultTemplate;
  if (snapshot.templates.has(name)) return [];
  const explicit = snapshot.configFile !== undefined;
  return [
    diag(
      "zmgr::reference::default_template",
      explicit ? "error" : "warning",
      explicit
        ? `default-template "${name}" does not exist`
        : `no config.kdl, and the built-in default template "${name}" does not exist`,
      hint(
        name,
        snapshot.templates.keys(),
        `create templates/${name}.kdl (\`zmgr template create ${name} …\`) or set default-template in config.kdl`,
      ),
      snapshot.configFile?.path,
      explicit ? ["config", "default-template"] : undefined,
    ),
  ];
}

/** Every pool of every net, and every publisher, of a template must exist. */
export function checkTemplateReferences(snapshot: Snapshot, t: TemplateSubject): Diagnostic[] {
  const out: Diagnostic[] = [];
  t.template.nets.forEach((net, n) => {
    net.pools.forEach((pool, p) => {
      if (snapshot.pools.has(pool)) return;
      out.push(
        diag(
          "zmgr::reference::template_pool",
          "error",
          `template "${t.name}" net "${net.name}" uses pool "${pool}", which does not exist`,
          hint(
            pool,
            snapshot.pools.keys(),
            `create pools/${pool}.kdl (\`zmgr pool create ${pool} …\`)`,
          ),
          t.file,
          at("template", "net", n, "pool", p),
        ),
      );
    });
  });
  t.template.publishers.forEach((publisher, i) => {
    if (snapshot.publishers.has(publisher)) return;
    out.push(
      diag(
        "zmgr::reference::template_publisher",
        "error",
        `template "${t.name}" uses publisher "${publisher}", which does not exist`,
        hint(
          publisher,
          snapshot.publishers.keys(),
          `add it with \`zmgr publisher add ${publisher} --origin <url>\``,
        ),
        t.file,
        at("template", "publisher", i),
      ),
    );
  });
  return out;
}

/** A zone's template must exist. */
export function checkZoneTemplate(snapshot: Snapshot, z: ZoneSubject): Diagnostic[] {
  const name = z.zone.template;
  if (name === undefined || snapshot.templates.has(name)) return [];
  return [
    diag(
      "zmgr::reference::zone_template",
      "error",
      `zone "${z.name}" uses template "${name}", which does not exist`,
      hint(
        name,
        snapshot.templates.keys(),
        `create templates/${name}.kdl or change the zone's template`,
      ),
      z.file,
      ["zone", "template"],
    ),
  ];
}

/** The pools recorded in a zone's nets should exist (the zone still works without them). */
export function checkZonePools(snapshot: Snapshot, z: ZoneSubject): Diagnostic[] {
  const out: Diagnostic[] = [];
  z.zone.nets.forEach((net, n) => {
    net.pools.forEach((pool, p) => {
      if (snapshot.pools.has(pool)) return;
      out.push(
        diag(
          "zmgr::reference::zone_pool",
          "warning",
          `zone "${z.name}" net "${net.name}" records pool "${pool}", which does not exist`,
          hint(
            pool,
            snapshot.pools.keys(),
            `recreate pools/${pool}.kdl, or edit the zone's net to name the pool its addresses come from`,
          ),
          z.file,
          at("zone", "net", n, "pool", p),
        ),
      );
    });
  });
  return out;
}
