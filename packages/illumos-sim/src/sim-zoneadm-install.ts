import type { SimPublisher, SimState, SimZone } from "./sim-model.js";
import type { SimCtx } from "./sim-util.js";
import { sanityCheck, verifyNets, zerror } from "./sim-zoneadm-ops.js";
import { subOptions, zoneadmSubUsage } from "./sim-zoneadm-usage.js";

/** Brands installed from IPS packages (they take `-P` and get publishers). */
export const IPS_BRANDS = new Set(["ipkg", "lipkg", "nlipkg", "sparse", "pkgsrc"]);
/** `installopts` of the ipkg-family brands (IPKG config.xml). */
const IPKG_OPTS = "a:c:d:e:hk:P:p:suv";

/** The dataset holding `dir`: longest mountpoint that is `dir` or an ancestor. */
export function datasetOf(
  state: SimState,
  dir: string,
): { mount: string; name: string } | undefined {
  let best: { mount: string; name: string } | undefined;
  for (const [mount, name] of Object.entries(state.datasets)) {
    const inside = mount === "/" || dir === mount || dir.startsWith(`${mount}/`);
    if (inside && (!best || mount.length > best.mount.length)) best = { mount, name };
  }
  return best;
}

/**
 * The part of `install_func` before the brand installer: state incomplete, then the ZFS
 * zonepath (`create_zfs_zonepath`). A failed install leaves the zone exactly like this.
 */
export function beginInstall(ctx: SimCtx, zone: SimZone, nodataset: boolean): void {
  zone.state = "incomplete";
  if (nodataset || ctx.state.datasets[zone.zonepath] !== undefined) return;
  const parent = zone.zonepath.slice(0, zone.zonepath.lastIndexOf("/")) || "/";
  const ds = datasetOf(ctx.state, parent);
  if (!ds || ds.mount === "/") return;
  const rel = parent === ds.mount ? "" : parent.slice(ds.mount.length);
  const name = `${ds.name}${rel}/${zone.zonepath.slice(parent.length + (parent === "/" ? 0 : 1))}`;
  ctx.state.datasets[zone.zonepath] = name;
  zone.dataset = name;
  ctx.out.out("A ZFS file system has been created for this zone.");
}

function transcript(zone: SimZone, pubs: SimPublisher[]): string[] {
  const lines = ["", `       Image: Preparing at ${zone.zonepath}/root.`];
  lines.push("Sanity Check: Looking for 'entire' incorporation.");
  for (const p of pubs) lines.push(`   Publisher: Using ${p.name} (${p.origins[0] ?? ""}).`);
  lines.push(
    "       Cache: Using /var/pkg/publisher.",
    "  Installing: Packages (output follows)",
    "Packages to install: 197",
    "Mediators to change:   3",
    " Services to change:   5",
    "",
    "DOWNLOAD                                PKGS         FILES    XFER (MB)   SPEED",
    "Completed                            197/197     1292/1292      4.5/4.5      --",
    "",
    "PHASE                                          ITEMS",
    "Installing new actions                     5638/5638",
    "Updating package state database                 Done",
    "Updating package cache                           0/0",
    "Updating image state                            Done",
    "Creating fast lookup database                   Done",
    " Postinstall: Copying SMF seed repository ... done.",
  );
  if (zone.brand === "pkgsrc") lines.push("Installing pkgsrc bootstrap...");
  lines.push("        Done: Installation completed in 71.886 seconds.");
  return lines;
}

function passThrough(args: string[]): {
  opts: { opt: string; value?: string }[];
  operands: string[];
} {
  const opts: { opt: string; value?: string }[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-x") {
      opts.push({ opt: "x", value: args[i + 1] ?? "" });
      i++;
    }
  }
  return { opts, operands: [] };
}

/** `zoneadm -z Z install [-x nodataset] [brand args]` (ZA `install_func`). */
export function zoneadmInstall(ctx: SimCtx, target: string | undefined, args: string[]): void {
  const zone0 = ctx.state.zones.find((z) => z.name === target);
  if (target === undefined) {
    zoneadmSubUsage(ctx.out, "install");
    ctx.out.exitCode = 2;
    return;
  }
  const ips = zone0 !== undefined && IPS_BRANDS.has(zone0.brand);
  // Other brands take their own options (e.g. `-s <image>`); zoneadm passes them through.
  const g = ips ? subOptions(ctx, "install", args, `?x:${IPKG_OPTS}`) : passThrough(args);
  if (!g) return;
  const x = g.opts.filter((o) => o.opt === "x");
  if (x.some((o) => o.value !== "nodataset") || (ips && g.operands.length > 0)) {
    zoneadmSubUsage(ctx.out, "install");
    ctx.out.exitCode = 2;
    return;
  }
  const zone = sanityCheck(ctx, target, "install");
  if (!zone) return;
  verifyNets(ctx, zone);
  // The ipkg installer's getopts keeps only the last -P (SPEC §1).
  const p = g.opts.filter((o) => o.opt === "P").pop()?.value;
  if (p !== undefined && !/^[^=]+=.+$/.test(p)) {
    ctx.out.fail(`ERROR: publisher must be given as <publisher>=<origin>: '${p}'`);
    zoneadmSubUsage(ctx.out, "install");
    ctx.out.exitCode = 2;
    return;
  }
  beginInstall(ctx, zone, x.length > 0);
  if (ips) {
    const pubs = ctx.state.publishers.map((q) => ({ name: q.name, origins: [...q.origins] }));
    if (p !== undefined) {
      const name = p.slice(0, p.indexOf("="));
      const origin = p.slice(p.indexOf("=") + 1);
      pubs.splice(
        0,
        pubs.length,
        { name, origins: [origin] },
        ...pubs.filter((q) => q.name !== name),
      );
    }
    for (const l of transcript(zone, pubs)) ctx.out.out(l);
    zone.publishers = pubs;
  } else ctx.out.out("        Done: Installation completed in 12.418 seconds.");
  zone.state = "installed";
}

/** `zoneadm -z Z uninstall [-F]` (ZA `uninstall_func`). */
export function zoneadmUninstall(ctx: SimCtx, target: string | undefined, args: string[]): void {
  const g = subOptions(ctx, "uninstall", args, "?F");
  if (!g) return;
  const zone = sanityCheck(ctx, target, "uninstall");
  if (!zone) return;
  if (!g.opts.some((o) => o.opt === "F")) {
    zerror(ctx.out, zone.name, "Input not from terminal and -F not specified: uninstall not done.");
    return;
  }
  zone.state = "incomplete";
  if (zone.dataset !== undefined) {
    delete ctx.state.datasets[zone.zonepath];
    delete zone.dataset;
  }
  zone.publishers = [];
  zone.state = "configured";
}
