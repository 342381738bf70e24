import type { Diagnostic } from "@zmgr/errors";
import {
  buildZonecfgScript,
  checkLinkName,
  checkZoneName,
  defaultVnicName,
  type ZoneConfigSpec,
} from "@zmgr/illumos-exec";
import { canonicalAddress, familyOf, IpPool, parseAddress } from "@zmgr/ipam";
import {
  checkEntityName,
  type Pool,
  type Template,
  type Zone,
  type ZoneNet,
} from "@zmgr/kdl-schema";
import type { Snapshot } from "@zmgr/registry";
import { type HostFacts, poolSpecOf, validateProposedZone, withLocations } from "@zmgr/validate";
import { PreflightError, problem } from "./create-errors.js";
import { hostUsedAddresses, registryUsedAddresses } from "./used-addresses.js";

export interface CreateRequest {
  name: string;
  template?: string;
  /** `--ip net=addr` pins, in command-line order. */
  ips: [string, string][];
  /** `--vnic net=name` overrides. */
  vnics: [string, string][];
  noBoot: boolean;
  /** YYYY-MM-DD for the `created` field. */
  today: string;
}

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
}

const UNSAFE = /["\n\r;$`\\]/;

/**
 * The checks that need nothing but the command line: zone, template, net and VNIC names and
 * pinned addresses. Runs before any system command; hostile values stop here.
 */
export function checkRequest(req: CreateRequest): void {
  const bad: Diagnostic[] = [];
  const nameProblem =
    checkZoneName(req.name) ?? (UNSAFE.test(req.name) ? "unsafe characters" : undefined);
  if (nameProblem) {
    bad.push(
      problem(
        "zmgr::zone::invalid_name",
        `invalid zone name ${JSON.stringify(req.name)}: ${nameProblem}`,
        "zone names are [A-Za-z0-9][A-Za-z0-9_.-]*, at most 63 characters, not global or SUNW…",
      ),
    );
  }
  if (req.template !== undefined) {
    const tProblem =
      checkEntityName(req.template) ??
      (UNSAFE.test(req.template) ? "unsafe characters" : undefined);
    if (tProblem) {
      bad.push(
        problem(
          "zmgr::template::invalid_name",
          `invalid template name ${JSON.stringify(req.template)}: ${tProblem}`,
          "template names are [A-Za-z0-9][A-Za-z0-9_.-]*",
        ),
      );
    }
  }
  for (const [net, value] of [...req.ips, ...req.vnics]) {
    if (UNSAFE.test(net) || UNSAFE.test(value) || value.includes(",") || /\s/.test(value)) {
      bad.push(
        problem(
          "zmgr::exec::unsafe_value",
          `refusing unsafe value ${JSON.stringify(`${net}=${value}`)}`,
          "values may not contain quotes, newlines, blanks, ';', '$', '`', '\\' or commas",
        ),
      );
    }
  }
  for (const [net, addr] of req.ips) {
    if (!UNSAFE.test(addr) && !parseAddress(addr)) {
      bad.push(
        problem(
          "zmgr::create::invalid_address",
          `--ip ${net}=${addr}: not an IP address`,
          "write the address without a prefix, e.g. --ip internal=10.1.0.20",
        ),
      );
    }
  }
  for (const [net, vnic] of req.vnics) {
    const p = UNSAFE.test(vnic) ? undefined : checkLinkName(vnic);
    if (p) {
      bad.push(
        problem(
          "zmgr::link::invalid_name",
          `--vnic ${net}=${vnic}: ${p}`,
          "VNIC names: at most 31 characters of [A-Za-z0-9_.], no leading digit, ending in a number",
        ),
      );
    }
  }
  if (bad.length > 0) throw new PreflightError(req.name, bad);
}

/** Pre-flight + allocation. Throws PreflightError listing every problem; runs no command. */
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
  const pins = new Map<string, string[]>();
  for (const [net, addr] of req.ips) {
    pins.set(net, [...(pins.get(net) ?? []), canonicalAddress(addr.split("/")[0] ?? addr)]);
  }
  if (bad.length > 0) throw new PreflightError(req.name, bad);

  const used = [...registryUsedAddresses(snap), ...hostUsedAddresses(facts)];
  const vnicOverride = new Map(req.vnics);
  const nets: ZoneNet[] = [];
  const vnics: CreateProposal["vnics"] = [];
  const cfgNets: ZoneConfigSpec["nets"] = [];
  template.nets.forEach((tnet, index) => {
    const pools: Pool[] = [];
    for (const [pi, pname] of tnet.pools.entries()) {
      const pool = snap.pools.get(pname)?.parsed.value;
      if (pool) pools.push(pool);
      else
        bad.push(
          problem(
            "zmgr::template::unknown_pool",
            `template ${tname}, net ${tnet.name}: pool ${pname} not found`,
            "create the pool with `zmgr pool create` or fix the template",
            `templates/${tname}.kdl`,
            ["template", "net", String(index), "pool", String(pi)],
          ),
        );
    }
    const stub = pools[0]?.stub;
    if (!stub) return;
    if (pools.some((p) => p.stub !== stub)) {
      bad.push(
        problem(
          "zmgr::template::mixed_stubs",
          `net ${tnet.name}: its pools sit on different stubs`,
          "the pools of one net must share one stub (one VNIC carries all its addresses)",
          `templates/${tname}.kdl`,
        ),
      );
      return;
    }
    const netPins = [...(pins.get(tnet.name) ?? [])];
    const addresses: string[] = [];
    const gateways: string[] = [];
    for (const pool of pools) {
      try {
        const ip = IpPool.from(poolSpecOf(pool));
        const mine = netPins.filter((a) => familyOf(a) === ip.family);
        for (const a of mine) netPins.splice(netPins.indexOf(a), 1);
        const [addr] = ip.allocate(used, 1, mine.length > 0 ? mine.slice(0, 1) : undefined);
        if (!addr) continue;
        used.push(addr);
        addresses.push(addr);
        if (pool.gateway) gateways.push(pool.gateway);
        const exclusive = template.ipType === "exclusive";
        cfgNets.push({
          physical: "",
          address: addr,
          ...(pool.gateway && (exclusive || ip.family === 4) ? { defrouter: pool.gateway } : {}),
        });
      } catch (err) {
        const e = err as { code?: string; message?: string; help?: string };
        bad.push(
          problem(
            e.code ?? "zmgr::pool::invalid",
            e.message ?? String(err),
            e.help ?? "",
            `pools/${pool.name}.kdl`,
          ),
        );
      }
    }
    for (const left of netPins) {
      bad.push(
        problem(
          "zmgr::pool::address_not_allocatable",
          `--ip ${tnet.name}=${left}: no pool of net ${tnet.name} has that family`,
          `pools of ${tnet.name}: ${tnet.pools.join(", ")}`,
        ),
      );
    }
    const exclusive = template.ipType === "exclusive";
    const vnic = exclusive
      ? (vnicOverride.get(tnet.name) ?? defaultVnicName(req.name, index, tnet.vnic))
      : undefined;
    const physical = vnic ?? stub;
    for (const c of cfgNets) if (c.physical === "") c.physical = physical;
    if (vnic) vnics.push({ net: tnet.name, name: vnic, over: stub });
    nets.push({
      name: tnet.name,
      addresses,
      gateways,
      ...(vnic ? { vnic } : {}),
      stub,
      pools: tnet.pools,
    });
  });
  if (bad.length > 0) throw new PreflightError(req.name, bad);

  const zone: Zone = { name: req.name, template: tname, nets, created: req.today };
  const diags = validateProposedZone(snap, zone, template, facts).filter(
    (d) => d.severity === "error",
  );
  if (diags.length > 0) throw new PreflightError(req.name, diags);

  const publishers = template.publishers.map((p) => {
    const v = snap.publishers.get(p)?.parsed.value;
    if (!v)
      bad.push(
        problem(
          "zmgr::template::unknown_publisher",
          `template ${tname}: publisher ${p} not found`,
          `add it with \`zmgr publisher add ${p} --origin <url>\``,
          `templates/${tname}.kdl`,
        ),
      );
    return v;
  });
  if (bad.length > 0) throw new PreflightError(req.name, bad);
  const [first, ...rest] = publishers.filter((p) => p !== undefined);

  const zonepath = `${snap.config.zonepathPrefix.replace(/\/+$/, "")}/${req.name}`;
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
    extraPublishers: rest.map((p) => ({ name: p.name, origin: p.origin })),
    boot: template.autoboot && !req.noBoot,
  };
}
