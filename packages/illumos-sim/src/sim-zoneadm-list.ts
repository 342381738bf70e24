import type { ZoneState } from "@zmgr/illumos-exec";
import { getopt, getoptMessage } from "./sim-getopt.js";
import { inKernel, stateRank } from "./sim-model.js";
import type { SimCtx } from "./sim-util.js";
import { zoneadmSubUsage } from "./sim-zoneadm-usage.js";

interface Row {
  id: number | undefined;
  name: string;
  state: ZoneState;
  zonepath: string;
  uuid: string;
  brand: string;
  ip: "excl" | "shared";
  debugId: string;
}

function rows(ctx: SimCtx): Row[] {
  const { state } = ctx;
  const global: Row = {
    id: 0,
    name: "global",
    state: "running",
    zonepath: "/",
    uuid: "",
    brand: "ipkg",
    ip: "shared",
    debugId: "0",
  };
  const toRow = (z: (typeof state.zones)[number]): Row => ({
    id: z.id,
    name: z.name,
    state: z.state,
    zonepath: z.zonepath,
    uuid: z.uuid,
    brand: z.brand,
    ip: z.ipType === "exclusive" ? "excl" : "shared",
    debugId: String(z.debugId),
  });
  const kernel = state.zones
    .filter((z) => inKernel(z.state) && z.id !== undefined)
    .sort((a, b) => (a.id ?? 0) - (b.id ?? 0))
    .map(toRow);
  const index = state.zones.filter((z) => !(inKernel(z.state) && z.id !== undefined)).map(toRow);
  return [global, ...kernel, ...index];
}

/** `zoneadm [-z Z] list [-cinpv]` (ZA `list_func`, `zone_print`). */
export function zoneadmList(ctx: SimCtx, target: string | undefined, args: string[]): void {
  const { out } = ctx;
  const g = getopt(args, "?cinpv");
  if (g.error) {
    if (g.error.opt === "?") {
      zoneadmSubUsage(out, "list");
      return;
    }
    out.err(getoptMessage("zoneadm", g.error));
    zoneadmSubUsage(out, "list");
    out.exitCode = 2;
    return;
  }
  const has = (o: string) => g.opts.some((x) => x.opt === o);
  if (g.opts.some((x) => x.opt === "?")) {
    zoneadmSubUsage(out, "list");
    return;
  }
  if ((target !== undefined && (has("c") || has("i") || has("n"))) || g.operands.length > 0) {
    zoneadmSubUsage(out, "list");
    out.exitCode = 2;
    return;
  }
  if (has("p") && has("v")) {
    const prefix = target !== undefined ? `zone '${target}': ` : "";
    out.fail(`zoneadm: ${prefix}list -p and -v are mutually exclusive.`);
    return;
  }
  const min: ZoneState = has("c") ? "configured" : has("i") ? "installed" : "running";
  let list = rows(ctx);
  if (target !== undefined) list = list.filter((r) => r.name === target);
  else {
    list = list.filter((r) => stateRank(r.state) >= stateRank(min));
    if (has("n")) list = list.filter((r) => r.name !== "global");
  }
  const omnios = ctx.state.flavour === "omnios";
  if (has("v"))
    out.out(
      `${"ID".padStart(4)} ${pad("NAME", 16)} ${pad("STATUS", 10)} ${pad("PATH", 30)} ${pad("BRAND", 8)} ${pad("IP", 6)}`,
    );
  for (const r of list) {
    if (has("p")) {
      const id = r.id === undefined ? "-" : String(r.id);
      const path = r.zonepath.replaceAll(":", "\\:");
      const fields = [id, r.name, r.state, path, r.uuid, r.brand, r.ip];
      if (omnios) fields.push(r.debugId);
      out.out(fields.join(":"));
    } else if (has("v")) {
      const id = (r.id === undefined ? "-" : String(r.id)).padStart(4);
      out.out(
        `${id} ${pad(r.name, 16)} ${pad(r.state, 10)} ${pad(r.zonepath, 30)} ${pad(r.brand, 8)} ${pad(r.ip, 6)}`,
      );
    } else out.out(r.name);
  }
}

function pad(s: string, n: number): string {
  return s.padEnd(n);
}
