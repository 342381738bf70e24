import { checkLinkName } from "@zmgr/illumos-exec";
import { canonicalAddress, IpPool, parseAddress, validatePool } from "@zmgr/ipam";
import { checkEntityName, type Pool } from "@zmgr/kdl-schema";
import {
  buildLedger,
  holdersOf,
  poolSpecOf,
  requireReadableLedger,
  usedInPool,
} from "@zmgr/validate";
import { refuseBadEdits } from "../../shared/edit-check.js";
import { inUse, invalid, notFound } from "../../shared/entity-errors.js";
import type { Invocation } from "../../shared/kit.js";
import { openSession } from "../../shared/session.js";
import type { PoolCreateFlags } from "./register.js";

export async function poolCreate(inv: Invocation, name: string, f: PoolCreateFlags): Promise<void> {
  const nameProblem = checkEntityName(name);
  if (nameProblem)
    throw invalid(
      "pool",
      `invalid pool name ${JSON.stringify(name)}: ${nameProblem}`,
      "pool names are [A-Za-z0-9][A-Za-z0-9_.-]*",
    );
  if ((f.range === undefined) === (f.addresses === undefined)) {
    throw invalid(
      "pool",
      "give exactly one of --range and --addresses",
      "e.g. --range 10.1.0.10-10.1.0.250 or --addresses 203.0.113.10,203.0.113.11",
    );
  }
  let mode: Pool["mode"];
  if (f.range !== undefined) {
    const dash = f.range.lastIndexOf("-");
    if (dash <= 0)
      throw invalid(
        "pool",
        `--range ${f.range}: expected <start>-<end>`,
        "e.g. --range 10.1.0.10-10.1.0.250",
      );
    mode = { kind: "range", start: f.range.slice(0, dash), end: f.range.slice(dash + 1) };
  } else mode = { kind: "list", addresses: f.addresses ?? [] };
  const stubProblem = checkLinkName(f.stub);
  if (stubProblem) {
    throw invalid(
      "pool",
      `--stub ${JSON.stringify(f.stub)}: ${stubProblem}`,
      "give the etherstub or physical link the VNICs go over, e.g. --stub oinetint0",
    );
  }
  const pool: Pool = {
    name,
    network: f.network,
    ...(f.gateway ? { gateway: f.gateway } : {}),
    stub: f.stub,
    mode,
    reserve: f.reserve ?? [],
  };
  const problems = validatePool(poolSpecOf(pool));
  if (problems.length > 0) {
    const first = problems[0]!;
    throw invalid(
      "pool",
      `pool ${name}: ${problems.map((x) => x.message).join("; ")}`,
      first.help,
      { problems },
    );
  }
  const s = await openSession(inv);
  await s.registry.withLock(
    async (snap) => {
      if (snap.pools.has(name))
        throw invalid(
          "pool",
          `pool ${name} already exists`,
          `edit it with \`zmgr pool add-address\`, or remove it first`,
        );
      refuseBadEdits(snap, [{ kind: "pool", value: pool }], `pool ${name}`);
      if (!inv.globals.dryRun) await s.registry.put("pool", pool);
    },
    { timeoutMs: s.lockTimeoutMs },
  );
  if (s.out.json)
    return s.out.printJson({ created: `pools/${name}.kdl`, dryRun: inv.globals.dryRun, pool });
  s.out.line(
    `${s.out.c.green("✔")} ${inv.globals.dryRun ? "would write" : "wrote"} pools/${name}.kdl`,
  );
}

export async function poolRemove(inv: Invocation, name: string): Promise<void> {
  const s = await openSession(inv);
  await s.registry.withLock(
    async (snap) => {
      const file = snap.pools.get(name);
      if (!file) throw notFound("pool", name, "zmgr pool list");
      const users = [
        ...[...snap.zones.values()]
          .filter((z) => z.parsed.value?.nets.some((n) => n.pools.includes(name)))
          .map((z) => `zone ${z.name}`),
        ...[...snap.templates.values()]
          .filter((t) => t.parsed.value?.nets.some((n) => n.pools.includes(name)))
          .map((t) => `template ${t.name}`),
      ];
      const ledger = buildLedger(snap);
      requireReadableLedger(snap, ledger, `remove pool ${name}`);
      if (file.parsed.value) {
        const ip = IpPool.from(poolSpecOf(file.parsed.value));
        const held = usedInPool(ledger, ip);
        for (const zone of new Set(held.map((h) => h.zone))) {
          if (!users.includes(`zone ${zone}`)) users.push(`zone ${zone}`);
        }
      }
      if (users.length > 0) throw inUse("pool", name, users);
      refuseBadEdits(snap, [{ kind: "pool", remove: name }], `remove pool ${name}`);
      if (!inv.globals.dryRun) await s.registry.remove("pool", name, file);
    },
    { timeoutMs: s.lockTimeoutMs },
  );
  if (s.out.json)
    return s.out.printJson({ removed: `pools/${name}.kdl`, dryRun: inv.globals.dryRun });
  s.out.line(
    `${s.out.c.green("✔")} ${inv.globals.dryRun ? "would remove" : "removed"} pools/${name}.kdl`,
  );
}

export async function poolEditAddresses(
  inv: Invocation,
  name: string,
  addrs: string[],
  op: "add" | "remove",
): Promise<void> {
  const s = await openSession(inv);
  const list = addrs.flatMap((a) => a.split(",")).filter((a) => a !== "");
  for (const a of list)
    if (!parseAddress(a))
      throw invalid("pool", `${a} is not an IP address`, "give plain addresses, e.g. 203.0.113.12");
  const notes = await s.registry.withLock(
    async (snap) => {
      const file = snap.pools.get(name);
      const p = file?.parsed.value;
      if (!file || !p) throw notFound("pool", name, "zmgr pool list");
      if (p.mode.kind !== "list")
        throw invalid(
          "pool",
          `pool ${name} is in range mode`,
          "only list-mode pools take single addresses; change range-start/range-end instead",
        );
      const canon = (a: string) => canonicalAddress(a);
      const current = p.mode.addresses;
      let next: string[];
      if (op === "add") {
        const have = new Set(current.map(canon));
        next = [
          ...current,
          ...list.map(canon).filter((a, i, all) => !have.has(a) && all.indexOf(a) === i),
        ];
      } else {
        const ledger = buildLedger(snap);
        requireReadableLedger(snap, ledger, `remove addresses from pool ${name}`);
        const busy = list.filter((a) => holdersOf(ledger, a).length > 0);
        if (busy.length > 0)
          throw inUse(
            "address",
            busy.join(", "),
            busy.map((a) => `zone ${holdersOf(ledger, a)[0]!.zone}`),
          );
        const drop = new Set(list.map(canon));
        next = current.filter((a) => !drop.has(canon(a)));
      }
      const value: Pool = { ...p, mode: { kind: "list", addresses: next } };
      const problems = validatePool(poolSpecOf(value));
      if (problems.length > 0)
        throw invalid("pool", problems.map((x) => x.message).join("; "), problems[0]!.help, {
          problems,
        });
      refuseBadEdits(snap, [{ kind: "pool", value }], `pool ${name}`);
      return inv.globals.dryRun ? [] : s.registry.put("pool", value, file);
    },
    { timeoutMs: s.lockTimeoutMs },
  );
  for (const n of notes) s.out.note(n);
  if (s.out.json)
    return s.out.printJson({ pool: name, op, addresses: list, dryRun: inv.globals.dryRun });
  s.out.line(
    `${s.out.c.green("✔")} pool ${name}: ${op === "add" ? "added" : "removed"} ${list.join(", ")}`,
  );
}
