import { ZmgrError } from "@zmgr/errors";
import { formatArgv, illumosCommands } from "@zmgr/illumos-exec";
import type { Invocation } from "./kit.js";
import { openSession } from "./session.js";

export type ZoneAction = "boot" | "halt" | "reboot" | "shutdown";

/** Thin wrappers over zoneadm; the zone must exist on the host. */
export async function runZoneAction(
  inv: Invocation,
  action: ZoneAction,
  name: string,
): Promise<void> {
  const s = await openSession(inv);
  const live = (await s.host.listZones()).find((z) => z.name === name);
  if (!live) {
    throw new ZmgrError("zmgr::zone::not_found", `no zone named ${name} on the host`, {
      help: s.snapshot.zones.has(name)
        ? `it is in the registry but not on the host: \`zmgr status\` shows the drift`
        : "run `zmgr list` to see the zones",
      details: { zone: name },
    });
  }
  if (inv.globals.dryRun) {
    const command = illumosCommands[action](name);
    const argv = [command.file, ...command.args];
    if (s.out.json)
      s.out.printJson({
        dryRun: true,
        zone: name,
        action,
        command: argv,
      });
    else s.out.line(`dry run: ${formatArgv(argv)}`);
    return;
  }
  await s.host[action](name);
  const after = (await s.host.listZones()).find((z) => z.name === name);
  if (s.out.json) s.out.printJson({ zone: name, action, ok: true, state: after?.state ?? null });
  else
    s.out.line(
      `${s.out.c.green("✔")} ${action} ${name}: ${live.state} → ${after?.state ?? "gone"}`,
    );
}
