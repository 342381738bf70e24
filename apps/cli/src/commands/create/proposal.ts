import type { Diagnostic } from "@zmgr/errors";
import { buildZonecfgScript } from "@zmgr/illumos-exec";
import type { Template, Zone } from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";
import {
  buildLedger,
  type HostFacts,
  requireReadableLedger,
  validateProposedZone,
  withLocations,
} from "@zmgr/validate";
import { allocateNets } from "./allocate.js";
import { PreflightError, problem } from "./errors.js";
import { type CreateRequest, checkRequest } from "./request.js";

export type { CreateRequest } from "./request.js";
export { checkRequest } from "./request.js";

/** Everything create will do, computed before anything runs (also the --dry-run document). */
export interface CreateProposal {
  zone: Zone;
  template: Template;
  zonepath: string;
  vnics: { net: string; name: string; over: string }[];
  script: string;
  install: { publisher?: { name: string; origin: string }; args: string[] };
  extraPublishers: { name: string; origin: string }[];
  boot: boolean;
  /** `zoneadm clone` of `source` instead of install; `method` is zmgr's prediction (see cloneOf). */
  clone?: { source: string; method: "zfs" | "copy" };
}

/**
 * Pre-flight + allocation. Throws LedgerUnreadableError while a zone document cannot be parsed
 * (its addresses are unknown), PreflightError listing every problem; runs no command.
 */
export function proposeZone(snap: Snapshot, req: CreateRequest, facts: HostFacts): CreateProposal {
  try {
    return propose(snap, req, facts);
  } catch (err) {
    if (!(err instanceof PreflightError)) throw err;
    throw new PreflightError(req.name, withLocations(snap, err.diagnostics));
  }
}

function propose(snap: Snapshot, req: CreateRequest, facts: HostFacts): CreateProposal {
  checkRequest(req);
  const ledger = buildLedger(snap, facts);
  requireReadableLedger(snap, ledger, `create zone ${req.name}`);
  const bad: Diagnostic[] = [];
  const tname = req.template ?? snap.config.defaultTemplate;
  if (snap.zones.has(req.name)) {
    bad.push(
      problem(
        "zmgr::zone::exists",
        `zone ${req.name} is already in the registry`,
        `pick another name, or remove it first with \`zmgr destroy ${req.name}\``,
        `zones/${req.name}.kdl`,
      ),
    );
  }
  if (facts.zones.some((z) => z.name === req.name)) {
    bad.push(
      problem(
        "zmgr::zone::exists_on_host",
        `a zone named ${req.name} already exists on the host`,
        `pick another name, or adopt it with \`zmgr import ${req.name}\``,
      ),
    );
  }
  const template = snap.templates.get(tname)?.parsed.value;
  if (!template) {
    throw new PreflightError(req.name, [
      ...bad,
      problem(
        "zmgr::template::not_found",
        `template ${tname} not found`,
        "run `zmgr template list` to see the templates, or pass one with -t",
      ),
    ]);
  }
  const netNames = new Set(template.nets.map((n) => n.name));
  for (const [net] of [...req.ips, ...req.vnics]) {
    if (!netNames.has(net)) {
      bad.push(
        problem(
          "zmgr::create::unknown_net",
          `template ${tname} has no net named ${net}`,
          `nets of ${tname}: ${[...netNames].join(", ")}`,
        ),
      );
    }
  }
  if (bad.length > 0) throw new PreflightError(req.name, bad);

  const cloneSource = req.clone ?? template.clone;
  const zonepath = `${snap.config.zonepathPrefix.replace(/\/+$/, "")}/${req.name}`;
  const clone = cloneSource ? cloneOf(cloneSource, template, zonepath, facts, bad) : undefined;
  if (bad.length > 0) throw new PreflightError(req.name, bad);

  const allocation = allocateNets(snap, template, req, ledger);
  bad.push(...allocation.problems);
  const { nets, vnics, cfgNets } = allocation;
  if (bad.length > 0) throw new PreflightError(req.name, bad);

  const zone: Zone = { name: req.name, template: tname, nets, created: req.today };
  const diags = validateProposedZone(snap, zone, template, facts).filter(
    (d) => d.severity === "error",
  );
  if (diags.length > 0) throw new PreflightError(req.name, diags);

  // a missing publisher was refused above (zmgr::reference::template_publisher); a publisher
  // file that is there but unreadable is refused with its own parse errors
  const publishers = template.publishers.map((p) => snap.publishers.get(p));
  for (const file of publishers) {
    if (!file || file.parsed.value) continue;
    const own = snap.diagnostics.filter((d) => d.file === file.path && d.severity === "error");
    bad.push(
      ...(own.length > 0
        ? own
        : [
            problem(
              "zmgr::reference::template_publisher",
              `template ${tname}: publisher ${file.name} cannot be read`,
              `fix ${file.path} (see \`zmgr validate\`)`,
              file.path,
            ),
          ]),
    );
  }
  if (bad.length > 0) throw new PreflightError(req.name, bad);
  const [first, ...rest] = publishers.flatMap((f) => (f?.parsed.value ? [f.parsed.value] : []));

  let script: string;
  try {
    script = buildZonecfgScript({
      zonepath,
      brand: template.brand,
      autoboot: template.autoboot,
      ipType: template.ipType,
      ...(template.cappedMemory !== undefined ? { cappedMemory: template.cappedMemory } : {}),
      ...(template.cpuShares !== undefined ? { cpuShares: template.cpuShares } : {}),
      fs: template.fs,
      datasets: template.datasets,
      attrs: template.attrs,
      nets: cfgNets,
    });
  } catch (err) {
    const e = err as { code?: string; message?: string; help?: string };
    throw new PreflightError(req.name, [
      problem(e.code ?? "zmgr::exec::unsafe_value", e.message ?? String(err), e.help ?? ""),
    ]);
  }
  return {
    zone,
    template,
    zonepath,
    vnics,
    script,
    install: {
      ...(first ? { publisher: { name: first.name, origin: first.origin } } : {}),
      args: template.installArgs,
    },
    // A clone carries the source's image and publishers: no publisher steps.
    extraPublishers: clone ? [] : rest.map((p) => ({ name: p.name, origin: p.origin })),
    boot: template.autoboot && !req.noBoot,
    ...(clone ? { clone } : {}),
  };
}

/**
 * zoneadm's up-front checks of a clone, against the host facts: the source is a zone of this
 * host, `installed` (not running, not configured), of the template's brand. The method is
 * predicted: ZFS when the source's zonepath sits in the same directory as the new one (the usual
 * `<zonepath-prefix>/<name>` layout on a ZFS dataset), else a copy; zoneadm decides for real.
 */
function cloneOf(
  source: string,
  template: Template,
  zonepath: string,
  facts: HostFacts,
  bad: Diagnostic[],
): CreateProposal["clone"] {
  const entry = facts.zones.find((z) => z.name === source);
  if (!entry || source === "global") {
    bad.push(
      problem(
        "zmgr::clone::source_missing",
        `zone ${source} (the clone source) is not on this host`,
        "clone a zone of the same host: see `zmgr list`",
      ),
    );
    return undefined;
  }
  if (entry.state !== "installed") {
    bad.push(
      problem(
        "zmgr::clone::source_not_installed",
        `zone ${source} is ${entry.state}; zoneadm clone needs the source installed`,
        entry.state === "configured" || entry.state === "incomplete"
          ? `install ${source} first`
          : `halt it first: \`zmgr halt ${source}\``,
      ),
    );
  }
  if (entry.brand !== template.brand) {
    bad.push(
      problem(
        "zmgr::clone::brand_mismatch",
        `zone ${source} is brand ${entry.brand}, template ${template.name} is brand ${template.brand}`,
        "a clone has the source's brand: pick a template of that brand",
      ),
    );
  }
  const dir = (p: string) => p.slice(0, p.lastIndexOf("/"));
  // no zonepath printed (Solaris kernel zones): not a dataset we can reason about → copy
  const method = entry.zonepath && dir(entry.zonepath) === dir(zonepath) ? "zfs" : "copy";
  return { source, method };
}
