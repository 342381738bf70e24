import type { Document } from "@bgotink/kdl";
import { checks, help } from "./checks.js";
import { list, scalar } from "./read-fields.js";
import { fields, type Reader } from "./reader.js";
import { type Config, DEFAULT_CONFIG } from "./types.js";

export const CONFIG_FIELDS = [
  "zonepath-prefix",
  "default-template",
  "command-prefix",
  "zones-dir",
] as const;

/**
 * config.kdl holds its fields as top-level nodes; a wrapping `config { … }` node is read too.
 * Missing fields take their defaults.
 */
export function configContainer(doc: Document): Document | null {
  const only = doc.nodes.length === 1 ? doc.nodes[0] : undefined;
  return only && only.getName() === "config" ? only.children : doc;
}

export function decodeConfig(r: Reader, doc: Document): Config {
  const path = ["config"];
  const container = configContainer(doc);
  if (container !== doc) r.record?.(path, doc.nodes[0]!);
  const f = fields(r, container, CONFIG_FIELDS, path);
  const prefix = scalar(r, f, "zonepath-prefix", "string", path, {
    check: checks.absolutePath,
    help: 'write an absolute directory, e.g. `zonepath-prefix "/zones"`',
  });
  const template = scalar(r, f, "default-template", "string", path, {
    check: checks.name,
    help: help.name,
  });
  const commandPrefix = list(r, f, "command-prefix", path, checks.nonEmpty);
  const zonesDir = scalar(r, f, "zones-dir", "string", path, {
    check: checks.hostDir,
    help: 'write the absolute directory of the zone configuration files, e.g. `zones-dir "/etc/zones"`',
  });
  return {
    zonepathPrefix: prefix ?? DEFAULT_CONFIG.zonepathPrefix,
    defaultTemplate: template ?? DEFAULT_CONFIG.defaultTemplate,
    commandPrefix,
    zonesDir: zonesDir ?? DEFAULT_CONFIG.zonesDir,
  };
}
