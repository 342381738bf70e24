import { HostConfigError } from "./ssh-errors.js";

/** The facts of one host the ssh executor needs (a `hosts/<name>.kdl` document, SPEC §5). */
export interface SshHostConfig {
  /** The host's name in the registry (named in every error). */
  host: string;
  /** `[user@]address`: no options, never starts with `-`. */
  destination: string;
  port?: number;
  /** The recorded `host-key` lines (`ssh-ed25519 AAAA…`): the only keys ssh accepts. */
  hostKeys: readonly string[];
  /** zoneadm, zonecfg, dladm, zlogin (default `/usr/sbin`). */
  binDir?: string;
  /** mktemp, tee, rm, tar, pkg, profiles (default `/usr/bin`). */
  toolsDir?: string;
  /** `/usr/bin/pfexec`, `/usr/bin/sudo` or `/usr/bin/doas`: put before every command run. */
  commandPrefix?: string;
  /** Commands in flight over the connection (default 8; sshd's MaxSessions is 10). */
  maxSessions?: number;
}

export interface CheckedHostConfig {
  host: string;
  destination: string;
  port: number;
  hostKeys: string[];
  binDir: string;
  toolsDir: string;
  commandPrefix: string | undefined;
  maxSessions: number;
}

export const COMMAND_PREFIXES = ["/usr/bin/pfexec", "/usr/bin/sudo", "/usr/bin/doas"] as const;

// [user@]address: a user name, then a host name, an IPv4 address, or an IPv6 address.
const USER = "[A-Za-z0-9_][A-Za-z0-9._-]*";
const ADDRESS = "(?:[A-Za-z0-9][A-Za-z0-9.-]*|[0-9A-Fa-f]*:[0-9A-Fa-f:.]+)";
const DESTINATION = new RegExp(`^(?:${USER}@)?${ADDRESS}$`);
const HOST_KEY =
  /^(?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(?:256|384|521)|sk-[a-z0-9@.-]+) [A-Za-z0-9+/]+={0,3}$/;

/** Refuses a destination that ssh could read as an option, or that is not `[user@]address`. */
export function checkDestination(host: string, destination: string): void {
  if (destination.startsWith("-")) {
    throw new HostConfigError(
      host,
      "ssh",
      destination,
      "starts with '-' (ssh would read it as an option)",
    );
  }
  if (/[\s\u0000-\u001f\u007f]/.test(destination)) {
    throw new HostConfigError(
      host,
      "ssh",
      destination,
      "contains whitespace or control characters",
    );
  }
  if (!DESTINATION.test(destination)) {
    throw new HostConfigError(host, "ssh", destination, "is not [user@]address");
  }
}

function checkDir(host: string, field: string, dir: string): string {
  if (!dir.startsWith("/") || dir.split("/").includes("..") || /[\s\u0000-\u001f]/.test(dir)) {
    throw new HostConfigError(host, field, dir, "must be an absolute path without '..' or blanks");
  }
  return dir.length > 1 ? dir.replace(/\/+$/, "") : dir;
}

/** Validates a host's facts before any ssh runs; defaults applied. */
export function checkHostConfig(config: SshHostConfig): CheckedHostConfig {
  const { host } = config;
  checkDestination(host, config.destination);
  const port = config.port ?? 22;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new HostConfigError(host, "port", String(port), "is not a port number (1-65535)");
  }
  if (config.hostKeys.length === 0) {
    throw new HostConfigError(host, "host-key", "", "is missing: ssh would accept no key");
  }
  for (const key of config.hostKeys) {
    if (!HOST_KEY.test(key.trim())) {
      throw new HostConfigError(host, "host-key", key, "is not '<type> <base64 key>'");
    }
  }
  const prefix = config.commandPrefix;
  if (prefix !== undefined && !(COMMAND_PREFIXES as readonly string[]).includes(prefix)) {
    throw new HostConfigError(
      host,
      "command-prefix",
      prefix,
      `must be one of ${COMMAND_PREFIXES.join(", ")}`,
    );
  }
  const maxSessions = config.maxSessions ?? 8;
  if (!Number.isInteger(maxSessions) || maxSessions < 1) {
    throw new HostConfigError(
      host,
      "max-sessions",
      String(maxSessions),
      "must be a positive integer",
    );
  }
  return {
    host,
    destination: config.destination,
    port,
    hostKeys: config.hostKeys.map((k) => k.trim()),
    binDir: checkDir(host, "bin-dir", config.binDir ?? "/usr/sbin"),
    toolsDir: checkDir(host, "tools-dir", config.toolsDir ?? "/usr/bin"),
    commandPrefix: prefix,
    maxSessions,
  };
}

/** The private known_hosts: every recorded key, for any name (the file belongs to this host only). */
export function knownHostsText(config: CheckedHostConfig): string {
  return config.hostKeys.map((key) => `* ${key}\n`).join("");
}
