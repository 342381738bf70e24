import { checkLinkName } from "@zmgr/illumos-exec";
import { dladmUsage, subUsage } from "./sim-dladm-usage.js";
import { getopt } from "./sim-getopt.js";
import { formatMac, nextMac, parseMac, type SimCtx } from "./sim-util.js";
import { linkUser } from "./sim-zoneadm-ops.js";

function opts(ctx: SimCtx, sub: string, args: string[], spec: string) {
  const g = getopt(args, spec);
  if (g.error) {
    ctx.out.fail(
      g.error.kind === "missing"
        ? `dladm: option '-${g.error.opt}' requires a value`
        : `dladm: unrecognized option '-${g.error.opt}'`,
    );
    ctx.out.err(subUsage(sub));
    return undefined;
  }
  for (const o of new Set(g.opts.map((x) => x.opt))) {
    if ("lmvR".includes(o) && g.opts.filter((x) => x.opt === o).length > 1) {
      ctx.out.fail(
        o === "m"
          ? "dladm: cannot specify -m option twice"
          : `dladm: the option -${o} cannot be specified more than once`,
      );
      return undefined;
    }
  }
  return g;
}

/** Name checks shared by the create commands (LD `dladm_valid_linkname`). */
function checkNewName(ctx: SimCtx, name: string): boolean {
  if (name.length >= 32) {
    ctx.out.fail(`dladm: link name too long '${name}'`);
    return false;
  }
  if (checkLinkName(name) !== undefined) {
    ctx.out.fail(`dladm: invalid link name '${name}'`);
    return false;
  }
  return true;
}

/** `create-vnic [-t] [-R root] -l LINK [-m …] [-v VID] [-p prop=val,…] NAME` (DL `do_create_vnic`). */
export function createVnic(ctx: SimCtx, args: string[]) {
  const { out, state } = ctx;
  const g = opts(ctx, "create-vnic", args, ":tfR:l:m:n:p:r:v:V:A:H");
  if (!g) return;
  const val = (o: string) => g.opts.find((x) => x.opt === o)?.value;
  const over = val("l");
  if (over !== undefined && over.length >= 32) return void out.fail("dladm: link name too long");
  let mac: number[] | undefined;
  let macType = "random";
  const m = val("m");
  if (m !== undefined && !["auto", "random", "factory"].includes(m)) {
    if (m === "fixed") return void out.fail("dladm: 'fixed' is not a valid MAC address");
    mac = parseMac(m);
    if (!mac) return void out.fail("dladm: invalid MAC address");
    macType = "fixed";
  }
  const v = val("v");
  if (v !== undefined && !(/^[0-9]+$/.test(v) && Number(v) >= 1 && Number(v) <= 4094))
    return void out.fail(`dladm: invalid VLAN identifier '${v}'`);
  if (g.opts.some((o) => o.opt === "f") && v === undefined)
    return void out.fail("dladm: -f option can only be used with -v");
  let mtu: number | undefined;
  for (const kv of (val("p") ?? "").split(",").filter(Boolean)) {
    const [k, x] = kv.split("=");
    if (k === "mtu" && x !== undefined && /^[0-9]+$/.test(x)) mtu = Number(x);
  }
  if (g.operands.length !== 1 || over === undefined) return dladmUsage(ctx);
  const name = g.operands[0] ?? "";
  if (!checkNewName(ctx, name)) return;
  const lower = state.links.find((l) => l.name === over);
  if (!lower) return void out.fail(`dladm: invalid link name '${over}'`);
  if (state.links.some((l) => l.name === name))
    return void out.fail(`dladm: vnic creation over ${over} failed: object already exists`);
  if (lower.class === "vnic")
    return void out.fail(`dladm: vnic creation over ${over} failed: invalid argument`);
  state.links.push({
    name,
    class: "vnic",
    over,
    mtu: mtu ?? lower.mtu,
    state: "up",
    mac: mac ? formatMac(mac) : nextMac(state, name),
    macType,
    vid: v === undefined ? 0 : Number(v),
  });
}

/** `delete-vnic [-t] [-R root] NAME`. */
export function deleteVnic(ctx: SimCtx, args: string[]) {
  const { out, state } = ctx;
  const g = opts(ctx, "delete-vnic", args, ":R:t");
  if (!g) return;
  if (g.operands.length !== 1) return dladmUsage(ctx);
  const name = g.operands[0] ?? "";
  const link = state.links.find((l) => l.name === name);
  if (!link) return void out.fail(`dladm: invalid link name '${name}'`);
  if (link.class !== "vnic") return void out.fail(`dladm: '${name}' is not a vnic`);
  if (linkUser(state, name)) return void out.fail("dladm: vnic deletion failed: link busy");
  state.links.splice(state.links.indexOf(link), 1);
}

/** `create-etherstub [-t] [-R root] NAME`. */
export function createEtherstub(ctx: SimCtx, args: string[]) {
  const { out, state } = ctx;
  const g = opts(ctx, "create-etherstub", args, "tR:");
  if (!g) return;
  if (g.operands.length !== 1) return dladmUsage(ctx);
  const name = g.operands[0] ?? "";
  if (!checkNewName(ctx, name)) return;
  if (state.links.some((l) => l.name === name))
    return void out.fail("dladm: etherstub creation failed: object already exists");
  state.links.push({ name, class: "etherstub", mtu: 9000, state: "up" });
}

/** `delete-etherstub [-t] [-R root] NAME`. */
export function deleteEtherstub(ctx: SimCtx, args: string[]) {
  const { out, state } = ctx;
  const g = opts(ctx, "delete-etherstub", args, "tR:");
  if (!g) return;
  if (g.operands.length !== 1) return dladmUsage(ctx);
  const name = g.operands[0] ?? "";
  const link = state.links.find((l) => l.name === name);
  if (!link) return void out.fail(`dladm: invalid link name '${name}'`);
  if (link.class !== "etherstub") return void out.fail(`dladm: '${name}' is not an etherstub`);
  if (state.links.some((l) => l.over === name))
    return void out.fail("dladm: etherstub deletion failed: link busy");
  state.links.splice(state.links.indexOf(link), 1);
}
