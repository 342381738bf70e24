import type { SimCtx } from "./sim-util.js";
import { beginInstall, datasetOf } from "./sim-zoneadm-install.js";
import { sanityCheck, verifyNets, zerror } from "./sim-zoneadm-ops.js";
import { subOptions, zoneadmSubUsage } from "./sim-zoneadm-usage.js";

/**
 * `zoneadm -z T clone [-m copy] [-s snapshot] SRC` (ZA `clone_func`): the target must be
 * configured (sanity_check), the source installed (`zone SRC is <state>; installed is
 * required.`) and of the same brand. ZFS clone when the source zonepath is a dataset, `-m copy`
 * is not given and the target's parent directory is a dataset of the same pool; else a copy
 * (with a new zonepath dataset where install would make one). The target gets the source's
 * image (its publishers). The output lines are the simulator's (not captured on a host).
 */
export function zoneadmClone(ctx: SimCtx, target: string | undefined, args: string[]): void {
  const { out, state } = ctx;
  const g = subOptions(ctx, "clone", args, "?m:s:");
  if (!g) return;
  const method = g.opts.find((o) => o.opt === "m")?.value;
  if (g.operands.length !== 1 || (method !== undefined && method !== "copy")) {
    zoneadmSubUsage(out, "clone");
    out.exitCode = 2;
    return;
  }
  const srcName = g.operands[0] as string;
  const zone = sanityCheck(ctx, target, "clone");
  if (!zone) return;
  const source = state.zones.find((z) => z.name === srcName);
  if (!source || srcName === "global") {
    out.fail(`zoneadm: ${srcName}: No such zone configured`);
    return;
  }
  if (source.state !== "installed") {
    zerror(out, undefined, `zone ${srcName} is ${source.state}; installed is required.`);
    return;
  }
  if (source.brand !== zone.brand) {
    zerror(
      out,
      zone.name,
      `source zone ${srcName} is brand ${source.brand}: a clone must have the same brand.`,
    );
    return;
  }
  verifyNets(ctx, zone);
  const parent = zone.zonepath.slice(0, zone.zonepath.lastIndexOf("/")) || "/";
  const parentDs = datasetOf(state, parent);
  const pool = (ds: string) => ds.split("/")[0];
  const zfs =
    method !== "copy" &&
    source.dataset !== undefined &&
    parentDs !== undefined &&
    parentDs.mount !== "/" &&
    pool(parentDs.name) === pool(source.dataset);
  if (zfs && parentDs && source.dataset) {
    zone.state = "incomplete";
    const rel = parent === parentDs.mount ? "" : parent.slice(parentDs.mount.length);
    const name = `${parentDs.name}${rel}/${zone.zonepath.slice(parent.length + (parent === "/" ? 0 : 1))}`;
    out.out(`Cloning snapshot ${source.dataset}@SUNWzone1`);
    out.out("Instance creation successful");
    state.datasets[zone.zonepath] = name;
    zone.dataset = name;
  } else {
    beginInstall(ctx, zone, false);
    out.out(`Copying ${source.zonepath}...`);
  }
  zone.publishers = structuredClone(source.publishers);
  zone.state = "installed";
}
