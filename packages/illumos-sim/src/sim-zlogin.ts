import { getopt } from "./sim-getopt.js";
import type { SimState } from "./sim-model.js";
import { stateRank } from "./sim-model.js";
import { runSimSh } from "./sim-sh.js";
import type { SimCtx, SimOut } from "./sim-util.js";

/** What zlogin connects to once its checks pass (COMMANDS.md §5). */
export interface ZloginTarget {
  zone: string;
  /** `-C`: the zone console. */
  console: boolean;
  /** `-Q`: no `[Connected …]` banners. */
  quiet: boolean;
  /** The command, its arguments joined with spaces (as zlogin hands it to `su root -c`). */
  command?: string;
}

const USAGE = "usage: zlogin [ -nQCES ] [ -e cmdchar ] [-l user] zonename [command [args ...] ]";

/**
 * zlogin's option parsing and refusals, in zlogin.c's order; a refusal is written to `out`
 * (exit 2 usage, 1 otherwise) and gives undefined. `-C` needs a terminal: without one the
 * simulator refuses as zlogin's raw-mode setup does (wording from zlogin.c's `set_tty_rawmode`,
 * not captured on a host).
 */
export function zloginCheck(
  state: SimState,
  args: string[],
  out: SimOut,
  terminal: boolean,
): ZloginTarget | undefined {
  const g = getopt(args, "nECR:Se:l:Q");
  const [zone, ...cmd] = g.operands;
  const has = (o: string) => g.opts.some((x) => x.opt === o);
  if (g.error || zone === undefined || (has("C") && cmd.length > 0)) {
    out.fail(USAGE, 2);
    return undefined;
  }
  if (zone === "global") {
    out.fail("zlogin: 'zlogin' not applicable to the global zone");
    return undefined;
  }
  const z = state.zones.find((x) => x.name === zone);
  if (!z) {
    out.fail(`zlogin: zone '${zone}' unknown`);
    return undefined;
  }
  if (stateRank(z.state) < stateRank("installed")) {
    out.fail(`zlogin: cannot login to a zone which is '${z.state}'`);
    return undefined;
  }
  if (has("C")) {
    if (!terminal) {
      out.fail("zlogin: failed to get user terminal settings: Inappropriate ioctl for device");
      return undefined;
    }
    return { zone, console: true, quiet: has("Q") };
  }
  if (z.state !== "running") {
    out.fail(`zlogin: login allowed only to running zones (${zone} is '${z.state}').`);
    return undefined;
  }
  return {
    zone,
    console: false,
    quiet: has("Q"),
    ...(cmd.length > 0 ? { command: cmd.join(" ") } : {}),
  };
}

/**
 * `zlogin` without a terminal (the buffered executors): a command runs through the simulated
 * `su root -c`; with no command the shell reads its commands from stdin.
 */
export function simZlogin(ctx: SimCtx, args: string[]): void {
  const t = zloginCheck(ctx.state, args, ctx.out, false);
  if (!t) return;
  const r = runSimSh(t.command ?? ctx.stdin, t.zone);
  ctx.out.stdout += r.stdout;
  ctx.out.stderr += r.stderr;
  ctx.out.exitCode = r.exitCode;
}
