import type { Diagnostic } from "@zmgr/errors";
import { checkLinkName, checkZoneName } from "@zmgr/illumos-exec";
import { parseAddress } from "@zmgr/ipam";
import { checkEntityName } from "@zmgr/kdl-schema";
import { PreflightError, problem } from "./errors.js";

export interface CreateRequest {
  name: string;
  template?: string;
  /** `--ip net=addr` pins, in command-line order. */
  ips: [string, string][];
  /** `--vnic net=name` overrides. */
  vnics: [string, string][];
  noBoot: boolean;
  /** `--clone <source>`: clone that zone instead of installing. */
  clone?: string;
  /** YYYY-MM-DD for the `created` field. */
  today: string;
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
  if (req.clone !== undefined) {
    const cProblem =
      checkZoneName(req.clone) ?? (UNSAFE.test(req.clone) ? "unsafe characters" : undefined);
    if (cProblem) {
      bad.push(
        problem(
          "zmgr::clone::invalid_source",
          `--clone ${JSON.stringify(req.clone)}: ${cProblem}`,
          "name an installed zone of this host, e.g. --clone golden",
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
