import {
  type Command,
  IllumosHost,
  type InstallOptions,
  illumosCommands,
  type Plan,
  type PlanStep,
} from "@zmgr/illumos-exec";
import type { Registry } from "@zmgr/registry";
import { assertGone, readLive, teardownSteps } from "../../shared/teardown.js";
import type { CreateProposal } from "./proposal.js";

export interface CreatePlanDeps {
  registry: Registry;
  lockTimeoutMs: number;
  /** false with --no-rollback: the plan has no recovery. */
  rollback: boolean;
}

/**
 * create as a plan: VNICs, zonecfg, install, further publishers, boot. Recording the zone (the
 * final registry write) is not a step: it runs after the plan (`recordCreated`), so its failure
 * can never undo the install. Recovery rolls back from the live state of the host, then drops
 * the reservation; each undo step names the plan steps it undoes.
 */
export function buildCreatePlan(p: CreateProposal, deps: CreatePlanDeps): Plan {
  const name = p.zone.name;
  const steps: PlanStep[] = [];
  for (const v of p.vnics) steps.push(createVnicStep(v));
  steps.push(zonecfgStep(name, `configure zone ${name}`, p.script));
  const pub = p.install.publisher;
  const clone = p.clone;
  if (clone) {
    steps.push({
      id: "clone",
      title: `clone zone ${name} from ${clone.source} (${clone.method === "zfs" ? "ZFS" : "copy"})`,
      commands: [illumosCommands.clone(name, clone.source)],
      run: (ctx) => new IllumosHost(ctx.exec).clone(name, clone.source),
    });
  } else
    steps.push({
      id: "install",
      title: `install zone ${name}${pub ? ` from ${pub.name}` : ""}`,
      commands: [illumosCommands.install(name, installOptions(p))],
      run: (ctx) => new IllumosHost(ctx.exec).install(name, installOptions(p)),
    });
  for (const x of p.extraPublishers) {
    const root = `${p.zonepath}/root`;
    steps.push({
      id: `publisher:${x.name}`,
      title: `add publisher ${x.name}`,
      commands: [illumosCommands.setPublisher(root, x.name, x.origin)],
      run: (ctx) => new IllumosHost(ctx.exec).setPublisher(root, x.name, x.origin),
    });
  }
  if (p.boot) {
    steps.push({
      id: "boot",
      title: `boot zone ${name}`,
      commands: [illumosCommands.boot(name)],
      run: (ctx) => new IllumosHost(ctx.exec).boot(name),
    });
  }
  // Ctrl-C during the last host step still rolls back (SPEC §3.1 step 6)
  const plan: Plan = { title: `create zone ${name}`, steps, abortAfterLast: true };
  if (deps.rollback) {
    plan.recover = async (_failure, ctx) => [
      ...withUndoes(await rollbackHostSteps(new IllumosHost(ctx.exec), p), steps),
      {
        id: "unreserve",
        title: `remove the reservation zones/${name}.kdl`,
        run: async (ctx) => {
          const vnics = p.vnics.map((v) => v.name);
          await assertGone(new IllumosHost(ctx.exec), name, vnics);
          await removeReservation(deps.registry, name, deps.lockTimeoutMs);
        },
      },
    ];
  }
  return plan;
}

/** `dladm create-vnic -l <over> <name>`: one step of create and of `net add`. */
export function createVnicStep(v: { name: string; over: string }): PlanStep {
  return {
    id: `vnic:${v.name}`,
    title: `create VNIC ${v.name} over ${v.over}`,
    commands: [illumosCommands.createVnic(v.name, v.over)],
    run: (ctx) => new IllumosHost(ctx.exec).createVnic(v.name, v.over),
  };
}

/** `zonecfg -z <zone> -f <script>`: one step of create and of `net add`. */
export function zonecfgStep(zone: string, title: string, script: string): PlanStep {
  return {
    id: "zonecfg",
    title,
    commands: [zonecfgScriptCommand(zone, script)],
    run: (ctx) => new IllumosHost(ctx.exec).applyZonecfg(zone, script),
  };
}

/** `zonecfg -z <zone> -f <script>` as shown by `--dry-run`: the file is a temp file, the script its content. */
export function zonecfgScriptCommand(zone: string, script: string): Command {
  return { ...illumosCommands.zonecfgApply(zone, "<script>"), stdin: script };
}

function installOptions(p: CreateProposal): InstallOptions {
  const pub = p.install.publisher;
  return { ...(pub ? { publisher: pub } : {}), args: p.install.args };
}

/** Undo on the host, from what is there now (only VNICs this create planned, which were free). */
export async function rollbackHostSteps(host: IllumosHost, p: CreateProposal): Promise<PlanStep[]> {
  const live = await readLive(
    host,
    p.zone.name,
    p.vnics.map((v) => v.name),
  );
  return teardownSteps(p.zone.name, live);
}

/**
 * Which create steps a teardown step undoes: halt → boot; uninstall → install and the publishers
 * set inside the zone; deleting the configuration → zonecfg; deleting a VNIC → its create.
 */
export function withUndoes(undo: PlanStep[], done: readonly PlanStep[]): PlanStep[] {
  const ids = done.map((st) => st.id);
  const of = (id: string): string[] => {
    if (id === "halt") return ids.filter((x) => x === "boot");
    if (id === "uninstall") return ids.filter((x) => x === "install" || x.startsWith("publisher:"));
    if (id === "zonecfg-delete") return ids.filter((x) => x === "zonecfg");
    if (id.startsWith("delete-vnic:")) return ids.filter((x) => x === `vnic:${id.slice(12)}`);
    return [];
  };
  return undo.map((st) => ({ ...st, undoes: [...(st.undoes ?? []), ...of(st.id)] }));
}

/** The create's final registry write: the reservation's status dropped (the zone is recorded). */
export async function recordCreated(
  registry: Registry,
  name: string,
  timeoutMs: number,
): Promise<void> {
  await registry.clearReservation(name, { timeoutMs });
}

export async function removeReservation(
  registry: Registry,
  name: string,
  timeoutMs: number,
): Promise<void> {
  await registry.withLock(
    async (snap) => {
      const file = snap.zones.get(name);
      if (file) await registry.remove("zone", name, file);
    },
    { timeoutMs },
  );
}

/** `--no-rollback` or a failed undo: the reservation stays, marked failed with the reason. */
export async function markFailed(
  registry: Registry,
  name: string,
  reason: string,
  timeoutMs: number,
): Promise<void> {
  await registry.markFailed(name, reason, { timeoutMs });
}
