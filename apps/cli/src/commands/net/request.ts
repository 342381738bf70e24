import type { Diagnostic } from "@zmgr/errors";
import { checkLinkName, checkZoneName } from "@zmgr/illumos-exec";
import { parseAddress } from "@zmgr/ipam";
import { checkEntityName } from "@zmgr/kdl-schema";
import { problem } from "../create/errors.js";
import { NetPreflightError } from "./errors.js";

/** Command-line checks of `net add`/`net remove` before anything runs: names, pools, pins, VNIC. */
export function checkNetRequest(req: {
  zone: string;
  net: string;
  pools: string[];
  ips: string[];
  vnic?: string;
}): void {
  const bad: Diagnostic[] = [];
  const zp = checkZoneName(req.zone);
  if (zp) bad.push(problem("zmgr::zone::invalid_name", zp, "name a zone from `zmgr list`"));
  const np = checkEntityName(req.net);
  if (np)
    bad.push(
      problem(
        "zmgr::net::invalid_name",
        `net name ${JSON.stringify(req.net)}: ${np}`,
        "net names are [A-Za-z0-9][A-Za-z0-9_.-]*",
      ),
    );
  if (req.pools.length > 2)
    bad.push(
      problem(
        "zmgr::net::too_many_pools",
        `--pool names ${req.pools.length} pools`,
        "give one pool, or an IPv4 and an IPv6 pool for dual stack",
      ),
    );
  for (const p of req.pools) {
    const pp = checkEntityName(p);
    if (pp)
      bad.push(
        problem(
          "zmgr::pool::invalid_name",
          `pool name ${JSON.stringify(p)}: ${pp}`,
          "see `zmgr pool list`",
        ),
      );
  }
  for (const a of req.ips) {
    if (!parseAddress(a.split("/")[0] ?? a))
      bad.push(
        problem(
          "zmgr::net::invalid_ip",
          `--ip ${JSON.stringify(a)} is not an IP address`,
          "write e.g. --ip 10.1.0.20",
        ),
      );
  }
  if (req.vnic !== undefined) {
    const vp = checkLinkName(req.vnic);
    if (vp)
      bad.push(
        problem(
          "zmgr::vnic::invalid_name",
          `--vnic ${JSON.stringify(req.vnic)}: ${vp}`,
          "≤ 31 characters of [A-Za-z0-9_.], no leading digit, ending in a number",
        ),
      );
  }
  if (bad.length > 0) throw new NetPreflightError("add", req.zone, req.net, bad);
}
