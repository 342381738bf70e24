import { ZmgrError } from "@zmgr/errors";
import {
  type Command,
  IllumosHost,
  illumosCommands,
  type PlanStep,
  type ZoneState,
} from "@zmgr/illumos-exec";

const IN_KERNEL: ReadonlySet<ZoneState> = new Set([
  "ready",
  "running",
  "shutting_down",
  "down",
  "mounted",
]);

/** What is on the host right now for one zone and its VNICs. */
export interface LiveZone {
  state: ZoneState | undefined;
  /** The zone's VNICs (from the zone file or this create) that exist on the host now. */
  vnics: string[];
}

export async function readLive(
  host: IllumosHost,
  zone: string,
  vnics: readonly string[],
): Promise<LiveZone> {
  const [zones, links] = await Promise.all([host.listZones(), host.showVnics()]);
  const existing = new Set(links.map((l) => l.link));
  return {
    state: zones.find((z) => z.name === zone)?.state,
    vnics: vnics.filter((v) => existing.has(v)),
  };
}

/**
 * Steps that take a zone off the host from its live state: halt if in the kernel, uninstall if
 * installed or incomplete, delete the configuration, delete the VNICs. Each step checks the live
 * state again before acting, so it is safe to repeat after an interruption.
 */
export function teardownSteps(zone: string, live: LiveZone): PlanStep[] {
  const steps: PlanStep[] = [];
  const s = live.state;
  if (s !== undefined && IN_KERNEL.has(s)) {
    steps.push(
      step(`halt`, `halt zone ${zone}`, [illumosCommands.halt(zone)], async (h) => {
        const now = await stateOf(h, zone);
        if (now !== undefined && IN_KERNEL.has(now)) await h.halt(zone);
      }),
    );
  }
  if (s !== undefined && s !== "configured") {
    steps.push(
      step(`uninstall`, `uninstall zone ${zone}`, [illumosCommands.uninstall(zone)], async (h) => {
        const now = await stateOf(h, zone);
        if (now !== undefined && IN_KERNEL.has(now)) {
          throw new TeardownBlockedError(zone, `is still ${now}`, "uninstall it");
        }
        if (now !== undefined && now !== "configured") await h.uninstall(zone);
      }),
    );
  }
  if (s !== undefined) {
    steps.push(
      step(
        `zonecfg-delete`,
        `delete configuration of ${zone}`,
        [illumosCommands.zonecfgDelete(zone)],
        async (h) => {
          const now = await stateOf(h, zone);
          if (now === undefined) return;
          if (now !== "configured") {
            throw new TeardownBlockedError(zone, `is still ${now}`, "delete its configuration");
          }
          await h.deleteZone(zone);
        },
      ),
    );
  }
  for (const vnic of live.vnics) {
    steps.push(
      step(
        `delete-vnic:${vnic}`,
        `delete VNIC ${vnic}`,
        [illumosCommands.deleteVnic(vnic)],
        async (h) => {
          const now = await stateOf(h, zone);
          if (now !== undefined) {
            throw new TeardownBlockedError(zone, `still exists (${now})`, `delete VNIC ${vnic}`);
          }
          if ((await h.showVnics()).some((v) => v.link === vnic)) await h.deleteVnic(vnic);
        },
      ),
    );
  }
  return steps;
}

function step(
  id: string,
  title: string,
  commands: Command[],
  act: (h: IllumosHost) => Promise<void>,
): PlanStep {
  return { id, title, commands, run: (ctx) => act(new IllumosHost(ctx.exec)) };
}

async function stateOf(h: IllumosHost, zone: string): Promise<ZoneState | undefined> {
  return (await h.listZones()).find((z) => z.name === zone)?.state;
}

/**
 * A teardown step whose precondition does not hold because an earlier step failed: it does not
 * run, so a failed uninstall never leads to deleting the configuration or links of a zone with data.
 */
export class TeardownBlockedError extends ZmgrError {
  constructor(zone: string, why: string, what: string) {
    super("zmgr::teardown::blocked", `not run: zone ${zone} ${why}, so zmgr will not ${what}`, {
      help: "fix the failure above first; the remaining cleanup commands are printed",
      details: { zone },
    });
  }
}

/** Nothing of the zone is left on the host: no zone, none of these VNICs. */
export async function assertGone(
  h: IllumosHost,
  zone: string,
  vnics: readonly string[],
): Promise<void> {
  const now = await stateOf(h, zone);
  if (now !== undefined)
    throw new TeardownBlockedError(zone, `is still ${now}`, "release its addresses");
  const left = new Set((await h.showVnics()).map((v) => v.link));
  const still = vnics.filter((v) => left.has(v));
  if (still.length > 0) {
    throw new TeardownBlockedError(
      zone,
      `still has VNIC ${still.join(", ")}`,
      "release its addresses",
    );
  }
}
