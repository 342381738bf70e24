import { getopt, getoptMessage } from "./sim-getopt.js";
import type { SimCtx } from "./sim-util.js";
import { zoneadmClone } from "./sim-zoneadm-clone.js";
import { zoneadmInstall, zoneadmUninstall } from "./sim-zoneadm-install.js";
import { zoneadmList } from "./sim-zoneadm-list.js";
import {
  zoneadmBoot,
  zoneadmHalt,
  zoneadmMark,
  zoneadmReady,
  zoneadmReboot,
  zoneadmShutdown,
  zoneadmVerify,
} from "./sim-zoneadm-ops.js";
import { ZONEADM_COMMANDS, zoneadmUsage } from "./sim-zoneadm-usage.js";

/** `zoneadm [-z zone] [-u uuid] [-R root] subcommand [args]` (ZA `main`). */
export function zoneadm(ctx: SimCtx, args: string[]) {
  const { out, state } = ctx;
  const g = getopt(args, "?u:z:R:");
  if (g.error) {
    out.err(getoptMessage("zoneadm", g.error));
    zoneadmUsage(out, false);
    return;
  }
  let target: string | undefined;
  let uuid: string | undefined;
  for (const o of g.opts) {
    if (o.opt === "?") {
      zoneadmUsage(out, true);
      return;
    }
    if (o.opt === "z") target = o.value;
    if (o.opt === "u") uuid = o.value;
    if (o.opt === "R" && !(o.value ?? "").startsWith("/")) {
      out.fail("zoneadm: root path must be absolute.");
      return;
    }
  }
  const [sub, ...rest] = g.operands;
  if (sub === undefined || !ZONEADM_COMMANDS.has(sub)) {
    zoneadmUsage(out, false);
    return;
  }
  if (sub === "help") {
    zoneadmUsage(out, true);
    out.exitCode = 0;
    return;
  }
  if (uuid !== undefined && target === undefined) {
    const z = state.zones.find((x) => x.uuid === uuid);
    if (!z) {
      out.fail(`zoneadm: ${uuid}: No such zone configured`);
      return;
    }
    target = z.name;
  }
  if (target !== undefined && target !== "global" && !state.zones.some((z) => z.name === target)) {
    out.fail(`zoneadm: ${target}: No such zone configured`);
    return;
  }
  switch (sub) {
    case "list":
      return zoneadmList(ctx, target, rest);
    case "install":
      return zoneadmInstall(ctx, target, rest);
    case "uninstall":
      return zoneadmUninstall(ctx, target, rest);
    case "clone":
      return zoneadmClone(ctx, target, rest);
    case "boot":
      return zoneadmBoot(ctx, target, rest);
    case "halt":
      return zoneadmHalt(ctx, target, rest);
    case "ready":
      return zoneadmReady(ctx, target, rest);
    case "shutdown":
      return zoneadmShutdown(ctx, target, rest);
    case "reboot":
      return zoneadmReboot(ctx, target, rest);
    case "verify":
      return zoneadmVerify(ctx, target, rest);
    case "mark":
      return zoneadmMark(ctx, target, rest);
    default:
      out.fail(
        `zoneadm: ${target !== undefined ? `zone '${target}': ` : ""}${sub} is not supported by the zmgr simulator`,
      );
  }
}
