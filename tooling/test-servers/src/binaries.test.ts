import { describe, expect, it } from "vitest";
import { findBinary, type LookupDeps, serverStatus } from "./binaries.js";

const on = (env: Record<string, string>, present: string[]): LookupDeps => ({
  env,
  isExecutable: (path) => present.includes(path),
});

describe("findBinary", () => {
  it("takes the first PATH directory holding the binary", () => {
    const deps = on({ PATH: "/opt/a:/opt/b" }, ["/opt/b/etcd", "/usr/bin/etcd"]);
    expect(findBinary("etcd", deps)).toBe("/opt/b/etcd");
  });

  it("finds sshd in /usr/sbin even when PATH lacks the sbin directories", () => {
    expect(findBinary("sshd", on({ PATH: "/usr/bin" }, ["/usr/sbin/sshd"]))).toBe("/usr/sbin/sshd");
  });

  it("answers undefined when no directory holds it", () => {
    expect(findBinary("etcd", on({ PATH: "/usr/bin" }, []))).toBeUndefined();
  });
});

describe("serverStatus", () => {
  it("is ready with every binary's path when all are installed", () => {
    const deps = on({ PATH: "/x" }, ["/x/etcd", "/x/etcdctl"]);
    expect(serverStatus(["etcd", "etcdctl"], deps)).toEqual({
      kind: "ready",
      binaries: { etcd: "/x/etcd", etcdctl: "/x/etcdctl" },
    });
  });

  it("skips outside CI, naming the Debian package of each missing binary", () => {
    const status = serverStatus(["etcd", "etcdctl"], on({ PATH: "/x" }, ["/x/etcd"]));
    expect(status).toEqual({
      kind: "skip",
      message:
        "etcdctl (Debian package etcd-client) not installed: apt-get install etcd-client to run these tests",
    });
  });

  it("fails under CI=true instead of skipping", () => {
    const status = serverStatus(["etcd"], on({ PATH: "/x", CI: "true" }, []));
    expect(status.kind).toBe("fail");
    expect(status.kind !== "ready" && status.message).toContain("etcd-server");
    expect(status.kind !== "ready" && status.message).toContain("CI=true");
  });

  it("treats any CI value other than true as a developer machine", () => {
    expect(serverStatus(["sshd"], on({ PATH: "/x", CI: "1" }, [])).kind).toBe("skip");
  });
});
