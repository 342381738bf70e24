import type { Diagnostic } from "@zmgr/errors";
import { checkLinkName } from "@zmgr/illumos-exec";
import type { Template } from "@zmgr/kdl-schema";
import type { HostIndex, RuleContext } from "./context.js";
import { diag } from "./diagnostic.js";
import { EXCLUSIVE_STUB_CLASSES } from "./host.js";
import type { TemplateSubject, ZoneSubject } from "./types.js";

/** Where a stub is named: its pool file (registry) or the proposed zone's net. */
interface StubUse {
  stub: string;
  ipType: Template["ipType"];
  pool?: string;
  file?: string;
  path?: string[];
  user: string;
}

/**
 * One stub: it must exist, and fit the ip-type: exclusive → a link a VNIC can sit on (etherstub,
 * phys, aggr); shared → a link with IP plumbed in the global zone, i.e. never an etherstub.
 */
export function checkStub(host: HostIndex, use: StubUse): Diagnostic[] {
  const link = host.links.get(use.stub);
  const owner = use.pool === undefined ? "" : ` (stub of pool "${use.pool}")`;
  if (!link) {
    // a command is suggested only for a valid link name: a help line never carries shell-unsafe text
    const help =
      use.ipType !== "exclusive"
        ? "set the pool's stub to a link with IP plumbed in the global zone (see `dladm show-link`)"
        : checkLinkName(use.stub) === undefined
          ? `create it with \`dladm create-etherstub ${use.stub}\`, or set the pool's stub to an existing link`
          : "set the pool's stub to a valid link name (see `dladm show-link`), then create it with `dladm create-etherstub`";
    return [
      diag(
        "zmgr::host::stub_missing",
        "error",
        `link "${use.stub}"${owner}, used by ${use.user}, does not exist on this host`,
        help,
        use.file,
        use.path,
      ),
    ];
  }
  const ok =
    use.ipType === "exclusive"
      ? EXCLUSIVE_STUB_CLASSES.includes(link.class)
      : link.class !== "etherstub";
  if (ok) return [];
  return [
    diag(
      "zmgr::host::stub_wrong_class",
      "error",
      use.ipType === "shared"
        ? `link "${use.stub}"${owner} is an etherstub, but ${use.user} is shared-IP and needs a link with IP plumbed`
        : `link "${use.stub}"${owner} is a ${link.class}; ${use.user} is exclusive-IP and needs an etherstub or physical link for its VNICs`,
      use.ipType === "shared"
        ? "point the pool's stub at a physical link with IP (e.g. net0), or make the template exclusive-IP"
        : "point the pool's stub at an etherstub or physical link",
      use.file,
      use.path,
    ),
  ];
}

/** The stubs of a template's pools, each (pool, ip-type) once per run via `seen`. */
export function checkTemplateStubs(
  ctx: RuleContext,
  host: HostIndex,
  t: TemplateSubject,
  seen: Set<string> = new Set(),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const net of t.template.nets) {
    for (const name of net.pools) {
      const entry = ctx.pools.get(name);
      const key = `${name}\0${t.template.ipType}`;
      if (!entry || seen.has(key)) continue;
      seen.add(key);
      const user = `template "${t.name}"`;
      out.push(
        ...checkStub(host, {
          stub: entry.pool.stub,
          ipType: t.template.ipType,
          pool: name,
          file: entry.file,
          path: ["pool", "stub"],
          user,
        }),
      );
    }
  }
  return out;
}

/** Pre-flight: the stubs the proposed zone's nets will use. */
export function checkZoneStubs(
  host: HostIndex,
  z: ZoneSubject,
  ipType: Template["ipType"],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  z.zone.nets.forEach((net, n) => {
    if (net.stub === undefined || seen.has(net.stub)) return;
    seen.add(net.stub);
    const use: StubUse = {
      stub: net.stub,
      ipType,
      user: `zone "${z.name}" net "${net.name}"`,
      path: ["zone", "net", String(n), "stub"],
    };
    if (z.file !== undefined) use.file = z.file;
    const pool = net.pools[0];
    if (pool !== undefined) use.pool = pool;
    out.push(...checkStub(host, use));
  });
  return out;
}
