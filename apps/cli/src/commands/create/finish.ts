import { ZmgrError } from "@zmgr/errors";
import type { Invocation } from "../../shared/kit.js";
import { openSession } from "../../shared/session.js";
import { readLive } from "../../shared/teardown.js";
import { ZoneBusyError, ZoneNotRegisteredError } from "./errors.js";
import { recordCreated } from "./plan.js";

const INSTALLED = new Set(["installed", "ready", "running", "shutting_down", "down", "mounted"]);

/**
 * `zmgr create <name> --finish`: records a zone whose create installed it but could not make the
 * final registry write. Checks (without the lock) that its document is a reservation no running
 * create owns and that the zone is installed on the host with its VNICs, then drops the status
 * under the lock. Safe to repeat: an already recorded zone is reported and left alone.
 */
export async function finishCreate(inv: Invocation, name: string): Promise<void> {
  const s = await openSession(inv);
  const file = s.snapshot.zones.get(name);
  if (!file) throw new ZoneNotRegisteredError(name, false);
  const zone = file.parsed.value;
  if (!zone)
    throw new FinishRefusedError(
      name,
      `${file.path} cannot be read`,
      `fix ${file.path} first (\`zmgr validate\` shows where)`,
    );
  if (!zone.status) {
    if (s.out.json) return s.out.printJson({ zone: name, recorded: true, changed: false });
    s.out.line(`zone ${name} is already recorded: nothing to do`);
    return;
  }
  if (s.registry.reservationState(zone) === "creating") {
    throw new ZoneBusyError(name, zone.status.pid, zone.status.host);
  }
  const vnics = zone.nets.flatMap((n) => (n.vnic ? [n.vnic] : []));
  const live = await readLive(s.host, name, vnics);
  if (live.state === undefined || !INSTALLED.has(live.state)) {
    throw new FinishRefusedError(
      name,
      `zone ${name} is ${live.state ?? "not"} on the host, not installed`,
      `its create did not finish: remove what is left with \`zmgr destroy ${name} --yes\``,
    );
  }
  const missing = vnics.filter((v) => !live.vnics.includes(v));
  if (missing.length > 0) {
    throw new FinishRefusedError(
      name,
      `VNIC ${missing.join(", ")} of zone ${name} is missing on the host`,
      `recreate it (\`dladm create-vnic -l <stub> ${missing[0]}\`) or remove the zone with \`zmgr destroy ${name} --yes\``,
    );
  }
  await recordCreated(s.registry, name, s.lockTimeoutMs);
  if (s.out.json) return s.out.printJson({ zone: name, recorded: true, changed: true });
  s.out.line(`${s.out.c.green("✔")} zone ${name} recorded (${live.state} on the host)`);
}

export class FinishRefusedError extends ZmgrError {
  constructor(zone: string, message: string, help: string) {
    super("zmgr::create::cannot_finish", `cannot finish zone ${zone}: ${message}`, {
      help,
      details: { zone },
    });
  }
}
