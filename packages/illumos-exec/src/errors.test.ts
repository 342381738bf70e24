import { isZmgrError } from "@zmgr/errors";
import { describe, expect, it } from "vitest";
import {
  CommandAbortedError,
  CommandFailedError,
  CommandNotFoundError,
  PermissionDeniedError,
  UnexpectedOutputError,
  UnsafeValueError,
} from "./errors.js";
import { PlanAbortedError } from "./plan.js";

describe("exec errors carry every fact of their message as a typed property", () => {
  it("keeps argv, exit code and stderr of a failed command", () => {
    const e = new CommandFailedError(["/usr/sbin/zoneadm", "-z", "web", "boot"], {
      exitCode: 1,
      stdout: "",
      stderr: "zoneadm: zone 'web': must be installed before boot.\n",
    });
    expect(e.message).toBe(
      "`/usr/sbin/zoneadm -z web boot` failed with exit code 1: zoneadm: zone 'web': must be installed before boot.",
    );
    expect([e.argv, e.exitCode]).toEqual([["/usr/sbin/zoneadm", "-z", "web", "boot"], 1]);
    expect(isZmgrError(e)).toBe(true);
  });

  it("keeps file, argv, reason, field, value and the unparsed line", () => {
    const nf = new CommandNotFoundError("pfexec", ["pfexec", "zoneadm"], undefined, true);
    expect([nf.file, nf.argv, nf.viaPrefix]).toEqual(["pfexec", ["pfexec", "zoneadm"], true]);
    const pd = new PermissionDeniedError(
      ["dladm"],
      "permission denied",
      "dladm: permission denied",
    );
    expect([pd.argv, pd.reason, pd.stderr]).toEqual([
      ["dladm"],
      "permission denied",
      "dladm: permission denied",
    ]);
    expect(new CommandAbortedError(["zlogin", "web"]).argv).toEqual(["zlogin", "web"]);
    const unsafe = new UnsafeValueError("zonepath", "/a\nb", "contains a newline");
    expect([unsafe.field, unsafe.value, unsafe.reason]).toEqual([
      "zonepath",
      "/a\nb",
      "contains a newline",
    ]);
    const odd = new UnexpectedOutputError("zoneadm list -p", "x:y");
    expect([odd.what, odd.line]).toEqual(["zoneadm list -p", "x:y"]);
    const aborted = new PlanAbortedError("create web", "boot zone");
    expect([aborted.plan, aborted.before]).toEqual(["create web", "boot zone"]);
  });
});
