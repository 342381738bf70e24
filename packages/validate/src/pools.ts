import type { Diagnostic } from "@zmgr/errors";
import { checkLinkName } from "@zmgr/illumos-exec";
import { intersection, type PoolProblem, validatePool } from "@zmgr/ipam";
import type { Pool } from "@zmgr/kdl-schema";
import type { Addr, PoolEntry, RuleContext } from "./context.js";
import { diag } from "./diagnostic.js";
import { poolSpecOf } from "./pool-spec.js";

/** Pools used above this share of their allocatable set get a warning. */
export const NEARLY_FULL_PERCENT = 90;

/** The KDL value a pool problem points at (`index`: position in a list; range 0 = start, 1 = end). */
function pathOf(pool: Pool, problem: PoolProblem): string[] {
  const i = problem.index;
  switch (problem.field) {
    case "network":
    case "gateway":
      return ["pool", problem.field];
    case "reserve":
    case "addresses":
      return i === undefined ? ["pool", problem.field] : ["pool", problem.field, String(i)];
    case "range":
      return ["pool", i === 1 ? "range-end" : "range-start"];
    default:
      return modePath(pool);
  }
}

function modePath(pool: Pool): string[] {
  return ["pool", pool.mode.kind === "range" ? "range-start" : "addresses"];
}

/** Gateway, range or list inside the network, one family, start ≤ end … (ipam `validatePool`). */
export function checkPoolSanity(entry: PoolEntry): Diagnostic[] {
  return validatePool(poolSpecOf(entry.pool)).map((p) =>
    diag(
      p.code,
      p.severity,
      `pool "${entry.name}": ${p.message}`,
      p.help,
      entry.file,
      pathOf(entry.pool, p),
    ),
  );
}

/**
 * The stub is a datalink name handed to dladm (`create-vnic -l <stub>`): it must follow the
 * dladm link-name rules, so a hand-edited `stub "s0;touch /x"` never gets near a command or a
 * help line.
 */
export function checkPoolStub(entry: PoolEntry): Diagnostic[] {
  const problem = checkLinkName(entry.pool.stub);
  if (problem === undefined) return [];
  return [
    diag(
      "zmgr::pool::invalid_stub",
      "error",
      `stub of pool "${entry.name}": ${problem}`,
      'name an etherstub or link: at most 31 characters of [A-Za-z0-9_.], not starting with a digit, ending in a number without a leading zero (e.g. stub "oinetint0")',
      entry.file,
      ["pool", "stub"],
    ),
  ];
}

/** `checkPoolStub` for each pool the given names refer to (each once; unknown names skipped). */
export function checkPoolStubsOf(ctx: RuleContext, names: Iterable<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const entry = ctx.pools.get(name);
    if (!entry || seen.has(name)) continue;
    seen.add(name);
    out.push(...checkPoolStub(entry));
  }
  return out;
}

/**
 * Two pools whose allocatable sets intersect could hand out one address twice. Pools are few
 * (tens), so pairs of one family are compared; the later pool (by name) carries the error.
 */
export function checkPoolIntersections(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const entries = [...ctx.pools.values()].filter((e) => e.ip !== undefined);
  for (let i = 0; i < entries.length; i++) {
    const a = entries[i]!;
    for (let j = 0; j < i; j++) {
      const b = entries[j]!;
      if (a.ip!.family !== b.ip!.family) continue;
      const shared = intersection(b.ip!, a.ip!);
      if (shared === undefined) continue;
      out.push(
        diag(
          "zmgr::pool::intersect",
          "error",
          `the allocatable sets of pools "${b.name}" and "${a.name}" intersect (both hold ${shared})`,
          `narrow the range or list of "${a.name}" or "${b.name}", or reserve the shared addresses in one of them`,
          a.file,
          modePath(a.pool),
        ),
      );
    }
  }
  return out;
}

/**
 * Pools over 90 % used. Used = the distinct ledger addresses (every zone file, reservations
 * included, and the live addresses of the host zones in the host facts) in the pool's
 * allocatable set; counted from the parsed ledger, so no address is parsed twice.
 */
export function checkPoolUsage(ctx: RuleContext): Diagnostic[] {
  const used = new Map<string, number>();
  for (const [first] of ctx.ledger.byKey.values()) {
    const addr =
      first?.family !== undefined && first.value !== undefined ? (first as Addr) : undefined;
    const found = addr && ctx.poolOf(addr);
    if (found?.match !== "allocatable") continue;
    used.set(found.pool.name, (used.get(found.pool.name) ?? 0) + 1);
  }
  const out: Diagnostic[] = [];
  for (const entry of ctx.pools.values()) {
    const count = used.get(entry.name);
    if (!entry.ip || count === undefined || entry.ip.size === 0n) continue;
    const percent = (count / Number(entry.ip.size)) * 100;
    if (percent <= NEARLY_FULL_PERCENT) continue;
    const free = entry.ip.size - BigInt(count);
    out.push(
      diag(
        "zmgr::pool::nearly_full",
        "warning",
        `pool "${entry.name}" is ${percent.toFixed(1)} % used (${count} of ${entry.ip.size}, ${free} free)`,
        `add addresses to "${entry.name}" (\`zmgr pool add-address ${entry.name} …\` or a wider range) before it runs out`,
        entry.file,
        ["pool"],
      ),
    );
  }
  return out;
}
