import type { LinkInfo, VnicInfo, ZonecfgInfo, ZoneListEntry } from "@zmgr/illumos-exec";
import type { Template, Zone } from "@zmgr/kdl-schema";

/** What the host says, gathered by the caller (`zoneadm list -cp`, `dladm show-link`, `dladm show-vnic`). */
export interface HostFacts {
  zones: ZoneListEntry[];
  links: LinkInfo[];
  vnics: VnicInfo[];
  /** `zonecfg -z <zone> info` per zone, when gathered: enables the address drift check. */
  zoneConfigs?: Map<string, ZonecfgInfo>;
}

export interface ValidateOptions {
  host?: HostFacts;
  /** Whether a process of this host is alive; default probes with `process.kill(pid, 0)`. */
  isAlive?: (pid: number) => boolean;
  /** This host's name, to tell interrupted reservations of this host; default `os.hostname()`. */
  hostname?: string;
}

/** A zone under check: a registry file, or a proposed zone (no file yet). */
export interface ZoneSubject {
  name: string;
  zone: Zone;
  file?: string;
}

export interface TemplateSubject {
  name: string;
  template: Template;
  file?: string;
}
