import { shellJoin } from "./posix-quote.js";
import type { CheckedHostConfig } from "./ssh-config.js";
import type { Command } from "./types.js";

/** Where the executor keeps its private files (a short directory: socket paths are limited). */
export interface SshPaths {
  knownHosts: string;
  /** `ControlPath`, e.g. `<dir>/%C`. */
  controlPath: string;
  identity: string | undefined;
}

/** The options every ssh invocation carries (SPEC §5), without ControlMaster. */
function commonOptions(paths: SshPaths): string[] {
  const o = (option: string) => ["-o", option];
  return [
    ...o("BatchMode=yes"),
    ...o("StrictHostKeyChecking=yes"),
    ...o(`UserKnownHostsFile=${paths.knownHosts}`),
    ...(paths.identity !== undefined ? ["-i", paths.identity, ...o("IdentitiesOnly=yes")] : []),
    ...o("ConnectTimeout=10"),
    ...o("ServerAliveInterval=15"),
    ...o("ServerAliveCountMax=3"),
    ...o("ForwardAgent=no"),
    ...o("ClearAllForwardings=yes"),
    ...o("LogLevel=ERROR"),
  ];
}

/** `ssh -T … -o ControlMaster=no -o ControlPath=… -p <port> -- <dest> <remote>` for one command. */
export function commandArgs(
  config: CheckedHostConfig,
  paths: SshPaths,
  remote: string,
  tty = false,
): string[] {
  return [
    tty ? "-t" : "-T",
    ...commonOptions(paths),
    ...["-o", "ControlMaster=no", "-o", `ControlPath=${paths.controlPath}`],
    ...["-p", String(config.port), "--", config.destination, remote],
  ];
}

/** The master connection: `ssh -M -N -f -o ControlPersist=<s> …` (backgrounds after auth). */
export function masterArgs(
  config: CheckedHostConfig,
  paths: SshPaths,
  persistSeconds: number,
): string[] {
  return [
    ...["-M", "-N", "-f", "-o", `ControlPersist=${persistSeconds}`],
    ...commonOptions(paths),
    ...["-o", `ControlPath=${paths.controlPath}`],
    ...["-p", String(config.port), "--", config.destination],
  ];
}

/** `ssh -O exit|check …`: talks to the local master only. */
export function controlArgs(
  config: CheckedHostConfig,
  paths: SshPaths,
  op: "exit" | "check",
): string[] {
  return [
    ...["-O", op, "-o", `ControlPath=${paths.controlPath}`, "-o", "LogLevel=ERROR"],
    ...["-p", String(config.port), "--", config.destination],
  ];
}

const BIN_TOOLS = new Set(["zoneadm", "zonecfg", "dladm", "zlogin"]);
const TOOLS = new Set(["mktemp", "tee", "rm", "tar", "pkg", "profiles"]);

/**
 * The command's program as an absolute path on the host: illumos tools from `bin-dir`, the rest
 * from `tools-dir`; an absolute path stays; any other bare name is undefined (refused).
 */
export function remoteFile(config: CheckedHostConfig, file: string): string | undefined {
  if (file.startsWith("/")) return file;
  if (BIN_TOOLS.has(file)) return `${config.binDir}/${file}`;
  if (TOOLS.has(file)) return `${config.toolsDir}/${file}`;
  return undefined;
}

/** The argv run on the host: command-prefix (when `prefixed`), absolute program, arguments. */
export function remoteArgv(
  config: CheckedHostConfig,
  file: string,
  command: Command,
  prefixed: boolean,
): string[] {
  const prefix = prefixed && config.commandPrefix !== undefined ? [config.commandPrefix] : [];
  return [...prefix, file, ...command.args];
}

/** The one string ssh hands the remote login shell: every argument quoted for POSIX sh. */
export function remoteLine(argv: readonly string[]): string {
  return shellJoin(argv);
}
