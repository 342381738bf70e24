import { createEtherstub, createVnic, deleteEtherstub, deleteVnic } from "./sim-dladm-create.js";
import { dladmUsage, subUsage } from "./sim-dladm-usage.js";
import { getopt } from "./sim-getopt.js";
import type { SimLink } from "./sim-model.js";
import { type OfmtField, ofmtHuman, ofmtParsable, selectFields } from "./sim-ofmt.js";
import type { SimCtx } from "./sim-util.js";

const LINK_FIELDS: OfmtField[] = [
  { name: "LINK", width: 12 },
  { name: "CLASS", width: 10 },
  { name: "MTU", width: 7 },
  { name: "STATE", width: 9 },
  { name: "BRIDGE", width: 11 },
  { name: "OVER", width: 30 },
];
const VNIC_FIELDS: OfmtField[] = [
  { name: "LINK", width: 13 },
  { name: "OVER", width: 13 },
  { name: "SPEED", width: 7 },
  { name: "MACADDRESS", width: 18 },
  { name: "MACADDRTYPE", width: 20 },
  { name: "VID", width: 7 },
];
const PHYS_FIELDS: OfmtField[] = [
  { name: "LINK", width: 13 },
  { name: "MEDIA", width: 21 },
  { name: "STATE", width: 11 },
  { name: "SPEED", width: 7 },
  { name: "DUPLEX", width: 10 },
  { name: "DEVICE", width: 13 },
];

function speedOf(ctx: SimCtx, l: SimLink): string {
  const over = ctx.state.links.find((x) => x.name === l.over);
  return String(l.speed ?? over?.speed ?? 0);
}

function value(ctx: SimCtx, l: SimLink, field: string): string {
  switch (field) {
    case "LINK":
      return l.name;
    case "CLASS":
      return l.class;
    case "MTU":
      return String(l.mtu);
    case "STATE":
      return l.state;
    case "BRIDGE":
      return "";
    case "OVER":
      return l.class === "vnic" ? (l.over ?? "") : "";
    case "SPEED":
      return speedOf(ctx, l);
    case "MACADDRESS":
      return l.mac ?? "";
    case "MACADDRTYPE":
      return l.macType ?? "random";
    case "VID":
      return String(l.vid ?? 0);
    case "MEDIA":
      return l.media ?? "Ethernet";
    case "DUPLEX":
      return l.duplex ?? "full";
    case "DEVICE":
      return l.device ?? l.name;
    default:
      return "?";
  }
}

function show(ctx: SimCtx, sub: string, args: string[]) {
  const { out, state } = ctx;
  const g = getopt(args, ":pPl:si:o:m");
  if (g.error) {
    out.fail(
      g.error.kind === "missing"
        ? `dladm: option '-${g.error.opt}' requires a value`
        : `dladm: unrecognized option '-${g.error.opt}'`,
    );
    out.err(subUsage(sub));
    return;
  }
  const has = (o: string) => g.opts.some((x) => x.opt === o);
  const val = (o: string) => g.opts.find((x) => x.opt === o)?.value;
  const etherstub = sub === "show-etherstub";
  if ((etherstub && (has("l") || has("s"))) || (sub !== "show-vnic" && has("l"))) {
    out.fail("dladm: option not supported for this command");
    return;
  }
  if (has("s") || has("m")) {
    out.fail(`dladm: ${sub} ${has("s") ? "-s" : "-m"} is not supported by the zmgr simulator`);
    return;
  }
  if (g.operands.length > 1) return dladmUsage(ctx);
  const name = g.operands[0];
  let all = sub === "show-link" ? LINK_FIELDS : sub === "show-phys" ? PHYS_FIELDS : VNIC_FIELDS;
  if (etherstub) all = [{ name: "LINK", width: 13 }];
  if (sub === "show-link" && has("P"))
    all = LINK_FIELDS.filter((f) => ["LINK", "CLASS", "BRIDGE", "OVER"].includes(f.name));
  const fields = selectFields(out, all, val("o"), has("p"));
  if (!fields) return;
  const cls =
    sub === "show-phys"
      ? "phys"
      : sub === "show-vnic"
        ? "vnic"
        : sub === "show-etherstub"
          ? "etherstub"
          : undefined;
  let links = state.links.filter((l) => cls === undefined || l.class === cls);
  const over = val("l");
  if (over !== undefined) links = links.filter((l) => l.over === over);
  if (name !== undefined) {
    links = links.filter((l) => l.name === name);
    if (links.length === 0) {
      const exists = state.links.some((l) => l.name === name);
      if (sub === "show-link")
        return void out.fail(`dladm: link ${name} is not valid: object not found`);
      if (sub === "show-phys") return void out.fail(`dladm: invalid link name '${name}'`);
      if (!exists || sub === "show-vnic" || etherstub)
        return void out.fail(`dladm: invalid vnic name '${name}': object not found`);
    }
  }
  const rows = links.map((l) => fields.map((f) => value(ctx, l, f.name)));
  out.stdout += has("p") ? ofmtParsable(fields.length, rows) : ofmtHuman(fields, rows);
}

/** `dladm <subcommand> …` (DL `main`). */
export function dladm(ctx: SimCtx, args: string[]) {
  const [sub, ...rest] = args;
  if (sub === undefined) return dladmUsage(ctx);
  switch (sub) {
    case "show-link":
    case "show-vnic":
    case "show-phys":
    case "show-etherstub":
      return show(ctx, sub, rest);
    case "create-vnic":
      return createVnic(ctx, rest);
    case "delete-vnic":
      return deleteVnic(ctx, rest);
    case "create-etherstub":
      return createEtherstub(ctx, rest);
    case "delete-etherstub":
      return deleteEtherstub(ctx, rest);
    default:
      ctx.out.err(`dladm: unknown subcommand '${sub}'`);
      return dladmUsage(ctx);
  }
}
