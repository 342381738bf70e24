import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { illumosCommands as cmd, type InstallOptions } from "./commands.js";
import { parseShowEtherstub, parseShowLink, parseShowPhys, parseShowVnic } from "./dladm-rows.js";
import { failureOf } from "./errors.js";
import type {
  Command,
  ExecResult,
  Executor,
  LinkInfo,
  PhysInfo,
  VnicInfo,
  ZonecfgInfo,
  ZoneListEntry,
} from "./types.js";
import { readZoneConfigs, type ZoneConfigOptions, type ZoneConfigRead } from "./zone-configs.js";
import { parseZoneadmList } from "./zoneadm-list.js";
import { parseZonecfgExport } from "./zonecfg-export.js";
import { isNoSuchZone, parseZonecfgInfo } from "./zonecfg-info.js";

export interface IllumosHostOptions {
  /** Handed to every command: aborting it stops the running command. */
  signal?: AbortSignal;
  /** Where zonecfg command files are written (default: os.tmpdir()). */
  tmpdir?: string;
}

/**
 * Typed wrappers over an Executor. A command that exits non-zero throws CommandFailedError
 * (PermissionDeniedError when stderr says so), except where a method returns undefined.
 */
export class IllumosHost {
  constructor(
    private readonly exec: Executor,
    private readonly options: IllumosHostOptions = {},
  ) {}

  private call(command: Command): Promise<ExecResult> {
    return this.exec.run(command, this.options.signal ? { signal: this.options.signal } : {});
  }

  private async check(command: Command): Promise<ExecResult> {
    const result = await this.call(command);
    if (result.exitCode !== 0) throw failureOf(command, result);
    return result;
  }

  /** The result, or undefined when the command's stderr matches `absent`. */
  private async optional(
    command: Command,
    absent: (stderr: string) => boolean,
  ): Promise<ExecResult | undefined> {
    const result = await this.call(command);
    if (result.exitCode !== 0 && absent(result.stderr)) return undefined;
    if (result.exitCode !== 0) throw failureOf(command, result);
    return result;
  }

  async listZones(): Promise<ZoneListEntry[]> {
    return parseZoneadmList((await this.check(cmd.listZones())).stdout);
  }

  /** `zoneadm -z NAME list -p`; undefined when no such zone is configured. */
  async zoneStatus(name: string): Promise<ZoneListEntry | undefined> {
    const result = await this.optional(cmd.zoneStatus(name), (e) => isNoSuchZone(e, name));
    return result ? parseZoneadmList(result.stdout)[0] : undefined;
  }

  /** `zonecfg -z NAME info`; undefined when zonecfg says `NAME: No such zone configured`. */
  async zoneInfo(name: string): Promise<ZonecfgInfo | undefined> {
    const result = await this.optional(cmd.zonecfgInfo(name), (e) => isNoSuchZone(e, name));
    return result ? parseZonecfgInfo(result.stdout) : undefined;
  }

  /**
   * The configuration of every zone in `names` in a constant number of commands (the zone files
   * in bulk, `zonecfg info` only for a zone whose file is missing or unusable): readZoneConfigs.
   */
  zoneConfigs(
    names: readonly string[],
    options: Omit<ZoneConfigOptions, "signal"> = {},
  ): Promise<Map<string, ZoneConfigRead>> {
    const signal = this.options.signal ? { signal: this.options.signal } : {};
    return readZoneConfigs(this.exec, names, { ...options, ...signal });
  }

  /** `zonecfg -z NAME export`, parsed; undefined when no such zone is configured. */
  async zoneExport(name: string): Promise<ZonecfgInfo | undefined> {
    const result = await this.optional(cmd.zonecfgExport(name), (e) => isNoSuchZone(e, name));
    return result ? parseZonecfgExport(result.stdout, name) : undefined;
  }

  /** Writes `script` to a 0600 temp file, runs `zonecfg -z NAME -f FILE`, always removes the file. */
  async applyZonecfg(name: string, script: string): Promise<void> {
    const file = join(this.options.tmpdir ?? tmpdir(), `zmgr-zonecfg-${name}-${randomUUID()}.cfg`);
    try {
      await writeFile(file, script, { mode: 0o600, flag: "wx" });
      await this.check(cmd.zonecfgApply(name, file));
    } finally {
      await rm(file, { force: true });
    }
  }

  async deleteZone(name: string): Promise<void> {
    await this.check(cmd.zonecfgDelete(name));
  }
  async install(name: string, options: InstallOptions = {}): Promise<void> {
    await this.check(cmd.install(name, options));
  }
  /** `zoneadm -z NAME clone SOURCE`: the configured zone gets a copy (or ZFS clone) of SOURCE. */
  async clone(name: string, source: string): Promise<void> {
    await this.check(cmd.clone(name, source));
  }
  async boot(name: string): Promise<void> {
    await this.check(cmd.boot(name));
  }
  async halt(name: string): Promise<void> {
    await this.check(cmd.halt(name));
  }
  async shutdown(name: string): Promise<void> {
    await this.check(cmd.shutdown(name));
  }
  async reboot(name: string): Promise<void> {
    await this.check(cmd.reboot(name));
  }
  async uninstall(name: string): Promise<void> {
    await this.check(cmd.uninstall(name));
  }

  async showLinks(): Promise<LinkInfo[]> {
    return parseShowLink((await this.check(cmd.showLinks())).stdout);
  }

  async showVnics(): Promise<VnicInfo[]> {
    return parseShowVnic((await this.check(cmd.showVnics())).stdout);
  }

  /** One VNIC; undefined when dladm says `object not found`. */
  async showVnic(name: string): Promise<VnicInfo | undefined> {
    const result = await this.optional(cmd.showVnics(name), (e) => /object not found/.test(e));
    return result ? parseShowVnic(result.stdout)[0] : undefined;
  }

  async showEtherstubs(): Promise<string[]> {
    return parseShowEtherstub((await this.check(cmd.showEtherstubs())).stdout);
  }

  async showPhys(): Promise<PhysInfo[]> {
    return parseShowPhys((await this.check(cmd.showPhys())).stdout);
  }

  async createVnic(name: string, over: string): Promise<void> {
    await this.check(cmd.createVnic(name, over));
  }
  async deleteVnic(name: string): Promise<void> {
    await this.check(cmd.deleteVnic(name));
  }
  async setPublisher(zoneRoot: string, name: string, origin: string): Promise<void> {
    await this.check(cmd.setPublisher(zoneRoot, name, origin));
  }
}
