import { inKernel, type SimState, type SimZone, stateRank } from "./sim-model.js";
import type { SimCtx, SimOut } from "./sim-util.js";
import { subOptions, zoneadmSubUsage } from "./sim-zoneadm-usage.js";

export function zerror(out: SimOut, target: string | undefined, msg: string): void {
  out.fail(`zoneadm: ${target !== undefined ? `zone '${target}': ` : ""}${msg}`);
}

const UNSAFE = new Set([
  "install",
  "uninstall",
  "clone",
  "move",
  "detach",
  "attach",
  "mark",
  "sysboot",
]);

/** `sanity_check()` (COMMANDS.md §2.4, items 3 and 5–9). Returns the zone when every check passes. */
export function sanityCheck(
  ctx: SimCtx,
  target: string | undefined,
  cmd: string,
  opts: { running?: boolean; force?: boolean } = {},
): SimZone | undefined {
  const { out } = ctx;
  if (target === undefined) {
    zerror(out, undefined, "no zone specified");
    return undefined;
  }
  if (target === "global") {
    zerror(out, target, `${cmd} operation is invalid for the global zone.`);
    return undefined;
  }
  if (target.startsWith("SUNW")) {
    zerror(out, target, `${cmd} operation is invalid for zones starting with SUNW.`);
    return undefined;
  }
  const zone = ctx.state.zones.find((z) => z.name === target);
  if (!zone) {
    out.fail(`zoneadm: ${target}: No such zone configured`);
    return undefined;
  }
  if (opts.running && !inKernel(zone.state)) {
    zerror(out, target, "not running");
    return undefined;
  }
  if (UNSAFE.has(cmd) && inKernel(zone.state)) {
    zerror(out, target, `${cmd} operation is invalid for ${zone.state} zones.`);
    return undefined;
  }
  const s = zone.state;
  if (cmd === "uninstall" && s === "configured") {
    zerror(out, target, "is already in state 'configured'.");
    return undefined;
  }
  if ((cmd === "install" || cmd === "clone") && s === "installed") {
    zerror(out, target, "is already installed.");
    return undefined;
  }
  if ((cmd === "install" || cmd === "clone" || cmd === "verify") && s === "incomplete") {
    zerror(out, target, "zone is incomplete; uninstall required.");
    return undefined;
  }
  if (["ready", "boot", "mount", "detach", "move"].includes(cmd)) {
    const need = cmd === "boot" && opts.force ? "incomplete" : "installed";
    if (stateRank(s) < stateRank(need)) {
      zerror(out, target, `must be ${need} before ${cmd}.`);
      return undefined;
    }
  }
  return zone;
}

/**
 * `verify_handle()` network checks: print the warnings; returns false when a datalink an
 * exclusive-IP zone needs cannot be handed to it (boot then fails in zoneadmd).
 */
export function verifyNets(ctx: SimCtx, zone: SimZone): boolean {
  const { out, state } = ctx;
  let ok = true;
  for (const r of zone.resources) {
    if (r.type !== "net") continue;
    const phys = r.props.physical ?? "";
    const link = state.links.find((l) => l.name === phys);
    if (zone.ipType === "shared") {
      if (link?.class !== "phys" || !link.ipPlumbed)
        out.err(
          `WARNING: skipping network interface '${phys}' which may not be present/plumbed in the global zone.`,
        );
      continue;
    }
    if (!link) {
      out.err(`WARNING: skipping network interface '${phys}': object not found`);
      ok = false;
      continue;
    }
    if (link.ipPlumbed) {
      out.err(`WARNING: skipping network interface '${phys}' which is used in the global zone.`);
      ok = false;
      continue;
    }
    const user = linkUser(state, phys, zone.name);
    if (user) {
      out.err(
        `WARNING: skipping network interface '${phys}' which is used by the non-global zone '${user}'.`,
      );
      ok = false;
    }
  }
  return ok;
}

/** The other zone in the kernel that holds an exclusive-IP link, if any. */
export function linkUser(state: SimState, link: string, except?: string): string | undefined {
  const z = state.zones.find(
    (x) =>
      x.name !== except &&
      x.ipType === "exclusive" &&
      inKernel(x.state) &&
      x.resources.some((r) => r.type === "net" && r.props.physical === link),
  );
  return z?.name;
}

/** Move a zone into the kernel (ready/running/…) or out of it, keeping ids right. */
export function setZoneState(state: SimState, zone: SimZone, next: SimZone["state"]): void {
  if (inKernel(next)) {
    if (zone.id === undefined) {
      zone.id = state.nextZoneId;
      state.nextZoneId += 1;
    }
  } else delete zone.id;
  zone.state = next;
}

function bootZone(ctx: SimCtx, zone: SimZone): void {
  if (!verifyNets(ctx, zone)) {
    ctx.out.err(`zone '${zone.name}': failed to add network device`);
    zerror(ctx.out, zone.name, "call to zoneadmd failed");
    return;
  }
  setZoneState(ctx.state, zone, "running");
}

export function zoneadmBoot(ctx: SimCtx, target: string | undefined, args: string[]): void {
  const g = subOptions(ctx, "boot", args, "?fs");
  if (!g) return;
  const zone = sanityCheck(ctx, target, "boot", { force: g.opts.some((o) => o.opt === "f") });
  if (!zone) return;
  if (zone.state === "running") {
    ctx.out.err(`zoneadm: zone '${zone.name}': zone is already booted`);
    return;
  }
  bootZone(ctx, zone);
}

export function zoneadmHalt(ctx: SimCtx, target: string | undefined, args: string[]): void {
  if (!subOptions(ctx, "halt", args, "?")) return;
  const zone = sanityCheck(ctx, target, "halt");
  if (!zone) return;
  if (!inKernel(zone.state)) {
    if (zone.state === "installed")
      ctx.out.err(`zoneadm: zone '${zone.name}': zone is already halted`);
    else {
      ctx.out.err(`zone '${zone.name}': cannot manage a zone which is in state '${zone.state}'`);
      zerror(ctx.out, zone.name, "call to zoneadmd failed");
    }
    return;
  }
  setZoneState(ctx.state, zone, "installed");
}

export function zoneadmReady(ctx: SimCtx, target: string | undefined, args: string[]): void {
  if (!subOptions(ctx, "ready", args, "?")) return;
  const zone = sanityCheck(ctx, target, "ready");
  if (!zone) return;
  if (zone.state === "installed") setZoneState(ctx.state, zone, "ready");
  else if (zone.state !== "ready")
    zerror(ctx.out, zone.name, `ready operation is invalid for zones in state '${zone.state}'`);
}

export function zoneadmShutdown(ctx: SimCtx, target: string | undefined, args: string[]): void {
  const g = subOptions(ctx, "shutdown", args, "?r");
  if (!g) return;
  const zone = sanityCheck(ctx, target, "shutdown", { running: true });
  if (!zone) return;
  setZoneState(ctx.state, zone, "installed");
  if (g.opts.some((o) => o.opt === "r")) bootZone(ctx, zone);
}

export function zoneadmReboot(ctx: SimCtx, target: string | undefined, args: string[]): void {
  if (!subOptions(ctx, "reboot", args, "?")) return;
  const zone = sanityCheck(ctx, target, "reboot", { running: true });
  if (!zone) return;
  setZoneState(ctx.state, zone, "installed");
  bootZone(ctx, zone);
}

export function zoneadmVerify(ctx: SimCtx, target: string | undefined, args: string[]): void {
  if (!subOptions(ctx, "verify", args, "?")) return;
  const zone = sanityCheck(ctx, target, "verify");
  if (!zone) return;
  verifyNets(ctx, zone);
}

export function zoneadmMark(ctx: SimCtx, target: string | undefined, args: string[]): void {
  const g = subOptions(ctx, "mark", args, "?F");
  if (!g) return;
  if (g.operands.length !== 1 || g.operands[0] !== "incomplete") {
    zoneadmSubUsage(ctx.out, "mark");
    ctx.out.exitCode = 2;
    return;
  }
  const zone = sanityCheck(ctx, target, "mark");
  if (!zone) return;
  zone.state = "incomplete";
}
