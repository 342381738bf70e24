import { illumosCommands as cmd } from "./commands.js";
import { CommandAbortedError, failureOf } from "./errors.js";
import { readTar, type TarMember } from "./tar-read.js";
import type { Executor, ZonecfgInfo } from "./types.js";
import { parseZoneXml } from "./zone-xml.js";
import { isNoSuchZone, parseZonecfgInfo } from "./zonecfg-info.js";

/** Where a host keeps its zone files and tools (SPEC §1 `zones-dir`, §5 `tools-dir`). */
export interface ZoneConfigOptions {
  /** Default `/etc/zones`. */
  zonesDir?: string;
  /** Directory of `tar`; default `/usr/bin`. */
  toolsDir?: string;
  /** `zonecfg info` fallbacks in flight at once (default 8). */
  concurrency?: number;
  signal?: AbortSignal;
}

/** One zone's configuration and how it was read. */
export interface ZoneConfigRead {
  /** undefined when zonecfg says the zone does not exist (it went away meanwhile). */
  info: ZonecfgInfo | undefined;
  /** `xml`: from `<zones-dir>/<zone>.xml` in the bulk read; `zonecfg`: `zonecfg -z <zone> info`. */
  source: "xml" | "zonecfg";
  /** Why the fallback was taken. */
  reason?: string;
}

export const DEFAULT_ZONES_DIR = "/etc/zones";
export const DEFAULT_ZONECFG_CONCURRENCY = 8;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The zone in `<name>.xml`, or why it cannot be used. */
function fromMember(name: string, member: TarMember | undefined): ZonecfgInfo | string {
  if (member === undefined) return `${name}.xml is missing`;
  if (member.kind !== "file") {
    return `${name}.xml is a ${member.kind === "symlink" ? "symbolic link" : member.type}, not a file`;
  }
  try {
    const info = parseZoneXml(utf8.decode(member.data));
    if (info.zonename !== name) return `${name}.xml names zone ${JSON.stringify(info.zonename)}`;
    return info;
  } catch (e) {
    return `${name}.xml cannot be parsed: ${(e as Error).message.split("\n")[0]}`;
  }
}

/** The members of the tar stream of zones-dir, or why there are none. */
async function bulkRead(
  exec: Executor,
  options: ZoneConfigOptions,
  signal: { signal?: AbortSignal },
): Promise<Map<string, TarMember> | string> {
  const tar = cmd.tarZonesDir(options.zonesDir ?? DEFAULT_ZONES_DIR, options.toolsDir);
  try {
    const result = await exec.run(tar, signal);
    if (result.exitCode !== 0) return `bulk read failed: ${failureOf(tar, result).message}`;
    if (result.stdoutBytes === undefined) return "bulk read failed: the executor returned text";
    return readTar(result.stdoutBytes);
  } catch (e) {
    // An interrupt stops the read; anything else (no tar, a broken stream) falls back.
    if (e instanceof CommandAbortedError || options.signal?.aborted) throw e;
    return `bulk read failed: ${(e as Error).message.split("\n")[0]}`;
  }
}

/**
 * The configuration of every zone in `names` in a constant number of host commands: one
 * `<tools-dir>/tar -cf - -C <zones-dir> .`, keeping exactly `<name>.xml` of the names asked for.
 * A zone whose file is missing or unusable, or every zone when the bulk read fails, is read with
 * `zonecfg -z <zone> info` alone, at most `concurrency` at a time. A failing fallback throws
 * (CommandFailedError), as `IllumosHost.zoneInfo` does.
 */
export async function readZoneConfigs(
  exec: Executor,
  names: readonly string[],
  options: ZoneConfigOptions = {},
): Promise<Map<string, ZoneConfigRead>> {
  const out = new Map<string, ZoneConfigRead>();
  if (names.length === 0) return out;
  const signal = options.signal ? { signal: options.signal } : {};
  const bulk = await bulkRead(exec, options, signal);
  const fallback: { name: string; reason: string }[] = [];
  for (const name of names) {
    const got = typeof bulk === "string" ? bulk : fromMember(name, bulk.get(`${name}.xml`));
    if (typeof got === "string") fallback.push({ name, reason: got });
    else out.set(name, { info: got, source: "xml" });
  }
  await inParallel(fallback, options.concurrency ?? DEFAULT_ZONECFG_CONCURRENCY, async (f) => {
    const command = cmd.zonecfgInfo(f.name);
    const r = await exec.run(command, signal);
    if (r.exitCode !== 0 && !isNoSuchZone(r.stderr, f.name)) throw failureOf(command, r);
    const info = r.exitCode === 0 ? parseZonecfgInfo(r.stdout) : undefined;
    out.set(f.name, { info, source: "zonecfg", reason: f.reason });
  });
  // In the order asked for, whichever path answered first.
  return new Map(names.map((n) => [n, out.get(n) as ZoneConfigRead]));
}

/** Run `work` over `items`, at most `limit` at once; the first failure is rethrown after all settle. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && failure === undefined) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  if (failure) throw failure.error;
}
