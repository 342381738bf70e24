import type { Diagnostic } from "@zmgr/errors";
import { checkAddressFieldLength, checkLinkName } from "@zmgr/illumos-exec";
import { addressText, type RuleContext } from "./context.js";
import { at, diag } from "./diagnostic.js";
import type { ZoneSubject } from "./types.js";

/**
 * Per zone net with a VNIC: the datalink name rules, one owner per VNIC name across the registry
 * (and never a pool's stub), and zoneadmd's 45-character limit on the VNIC's `a/p,a/p,` list.
 */
export function checkZoneVnics(ctx: RuleContext, z: ZoneSubject): Diagnostic[] {
  const out: Diagnostic[] = [];
  z.zone.nets.forEach((net, n) => {
    const vnic = net.vnic;
    if (vnic === undefined) return;
    const path = () => at("zone", "net", n, "vnic");
    const problem = checkLinkName(vnic);
    if (problem !== undefined) {
      out.push(
        diag(
          "zmgr::vnic::invalid_name",
          "error",
          `VNIC of zone "${z.name}" net "${net.name}": ${problem}`,
          "use at most 31 characters of [A-Za-z0-9_.], not starting with a digit, ending in a number without a leading zero (e.g. web0_0)",
          z.file,
          path(),
        ),
      );
    }
    const owner = ctx.vnicOwners.get(vnic);
    const stubOf = ctx.stubs.get(vnic);
    if (owner && !(owner.zone === z.name && owner.net === n)) {
      out.push(
        diag(
          "zmgr::vnic::duplicate",
          "error",
          `VNIC "${vnic}" of zone "${z.name}" net "${net.name}" is also used by ${owner.zone === z.name ? "another net of this zone" : `zone "${owner.zone}"`}`,
          "every net needs its own VNIC: choose another name (create --vnic <net>=<name>)",
          z.file,
          path(),
        ),
      );
    } else if (stubOf !== undefined) {
      out.push(
        diag(
          "zmgr::vnic::duplicate",
          "error",
          `VNIC "${vnic}" of zone "${z.name}" has the name of the stub of pool "${stubOf}"`,
          "choose a VNIC name that is not a stub (create --vnic <net>=<name>)",
          z.file,
          path(),
        ),
      );
    }
    // the canonical form is never longer than any other spelling: measure it only when needed
    const tooLong =
      checkAddressFieldLength(net.addresses) &&
      checkAddressFieldLength(net.addresses.map((a) => canonical(ctx, a)));
    if (tooLong !== undefined) {
      out.push(
        diag(
          "zmgr::vnic::address_too_long",
          "error",
          `VNIC "${vnic}" of zone "${z.name}" net "${net.name}": ${tooLong}`,
          "use fewer or shorter addresses on this net, or split them over two nets (each gets its own VNIC)",
          z.file,
          at("zone", "net", n, "address"),
        ),
      );
    }
  });
  return out;
}

/** zoneadmd sees the inet_ntop form: measure that ("a/p"), not what the file happens to say. */
function canonical(ctx: RuleContext, text: string): string {
  const a = ctx.addr(text);
  if (!a) return text;
  const slash = text.indexOf("/");
  return slash < 0 ? addressText(a) : `${addressText(a)}${text.slice(slash)}`;
}
