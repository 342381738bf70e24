import type { describePlan } from "@zmgr/illumos-exec";
import type { Output } from "../../shared/output.js";
import { formatArgv } from "../../shared/verbose-executor.js";
import type { CreateProposal } from "./proposal.js";

type Described = ReturnType<typeof describePlan>;

/** --dry-run: addresses, VNICs, the zonecfg script and every command in order; or the JSON plan. */
export function renderDryRun(out: Output, p: CreateProposal, plan: Described): void {
  if (out.json) {
    out.printJson({
      dryRun: true,
      zone: p.zone.name,
      template: p.zone.template,
      zonepath: p.zonepath,
      nets: p.zone.nets,
      vnics: p.vnics,
      zonecfgScript: p.script,
      boot: p.boot,
      ...(p.clone ? { clone: p.clone } : {}),
      plan,
    });
    return;
  }
  const { c } = out;
  out.line(
    `${c.bold("dry run")}: ${plan.title} (template ${p.zone.template}); nothing was changed`,
  );
  renderNets(out, p);
  out.line(c.bold("zonecfg script:"));
  for (const l of p.script.trimEnd().split("\n")) out.line(`  ${l}`);
  out.line(c.bold("steps:"));
  plan.steps.forEach((step, i) => {
    out.line(`  ${i + 1}. ${step.title}`);
    for (const argv of step.commands) out.line(`     ${c.dim("$")} ${formatArgv(argv)}`);
  });
}

export function renderNets(out: Output, p: CreateProposal): void {
  out.line(`  zonepath ${p.zonepath}`);
  for (const n of p.zone.nets) {
    const link = n.vnic ? `VNIC ${n.vnic} over ${n.stub}` : `shared on ${n.stub}`;
    const gw = n.gateways.length > 0 ? ` (gateway ${n.gateways.join(", ")})` : "";
    out.line(`  net ${n.name}: ${n.addresses.join(", ") || "no address"} on ${link}${gw}`);
  }
}
