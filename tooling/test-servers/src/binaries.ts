import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** The servers tests may need, the binary each runs, and the Debian package that installs it. */
export const SERVERS = {
  etcd: { binary: "etcd", debianPackage: "etcd-server" },
  etcdctl: { binary: "etcdctl", debianPackage: "etcd-client" },
  sshd: { binary: "sshd", debianPackage: "openssh-server" },
  openssl: { binary: "openssl", debianPackage: "openssl" },
} as const;

export type ServerName = keyof typeof SERVERS;

export interface LookupDeps {
  env: Record<string, string | undefined>;
  isExecutable: (path: string) => boolean;
}

const defaultLookupDeps: LookupDeps = {
  env: process.env,
  isExecutable: (path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
};

/** The sbin directories hold sshd, and are often missing from a non-root PATH. */
const EXTRA_DIRS = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

/** The absolute path of a server's binary, or undefined when it is not installed. */
export function findBinary(
  name: ServerName,
  deps: LookupDeps = defaultLookupDeps,
): string | undefined {
  const dirs = (deps.env.PATH ?? "").split(delimiter).filter((d) => d !== "");
  for (const dir of [...dirs, ...EXTRA_DIRS]) {
    const candidate = join(dir, SERVERS[name].binary);
    if (deps.isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export type ServerStatus =
  | { kind: "ready"; binaries: Record<string, string> }
  | { kind: "skip"; message: string }
  | { kind: "fail"; message: string };

/**
 * Whether tests needing these servers can run. A missing binary skips them, naming the Debian
 * package, except under `CI=true`, where it fails them: a green run that tested nothing is a defect.
 */
export function serverStatus(
  names: readonly ServerName[],
  deps: LookupDeps = defaultLookupDeps,
): ServerStatus {
  const binaries: Record<string, string> = {};
  const missing: ServerName[] = [];
  for (const name of names) {
    const path = findBinary(name, deps);
    if (path === undefined) missing.push(name);
    else binaries[name] = path;
  }
  if (missing.length === 0) return { kind: "ready", binaries };
  const what = missing.map(
    (n) => `${SERVERS[n].binary} (Debian package ${SERVERS[n].debianPackage})`,
  );
  const install = `apt-get install ${missing.map((n) => SERVERS[n].debianPackage).join(" ")}`;
  if (deps.env.CI === "true") {
    return {
      kind: "fail",
      message: `${what.join(", ")} not installed, and CI=true forbids skipping: ${install}`,
    };
  }
  return {
    kind: "skip",
    message: `${what.join(", ")} not installed: ${install} to run these tests`,
  };
}
