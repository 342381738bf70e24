import { describe, expect, it } from "vitest";
import { checkDestination, checkHostConfig, knownHostsText } from "./ssh-config.js";

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeFakeFakeFakeFakeFakeFakeFakeFakeFakeFake";
const base = { host: "h1", destination: "zmgr@h1.example.net", hostKeys: [KEY] };

describe("checkDestination", () => {
  it.each(["h1", "zmgr@h1.example.net", "root@127.0.0.1", "a_b@fe80::1", "h-1.lan"])(
    "accepts %s",
    (dest) => {
      expect(() => checkDestination("h1", dest)).not.toThrow();
    },
  );

  it.each([
    "-oProxyCommand=touch /tmp/pwned",
    "-p",
    "zmgr@-oProxyCommand=x",
    "zmgr@h1 -oProxyCommand=x",
    "h1\n",
    "h1\u0000",
    "h\u001b1",
    "",
    "@h1",
    "a@b@c",
    "h1;id",
    "$(id)",
  ])("refuses %j with zmgr::host::invalid", (dest) => {
    expect(() => checkDestination("h1", dest)).toThrow(
      expect.objectContaining({ code: "zmgr::host::invalid" }),
    );
  });
});

describe("checkHostConfig", () => {
  it("applies SPEC §5's defaults", () => {
    expect(checkHostConfig(base)).toEqual({
      ...base,
      port: 22,
      binDir: "/usr/sbin",
      toolsDir: "/usr/bin",
      commandPrefix: undefined,
      maxSessions: 8,
    });
  });

  it.each([
    [{ port: 0 }, "port"],
    [{ port: 70000 }, "port"],
    [{ hostKeys: [] }, "host-key"],
    [{ hostKeys: ["ssh-ed25519 AAAA\n* ssh-rsa BBBB"] }, "host-key"],
    [{ binDir: "usr/sbin" }, "bin-dir"],
    [{ toolsDir: "/usr/../tmp" }, "tools-dir"],
    [{ binDir: "/usr/s bin" }, "bin-dir"],
    [{ commandPrefix: "/tmp/pfexec" }, "command-prefix"],
    [{ maxSessions: 0 }, "max-sessions"],
  ])("refuses %j naming %s", (patch, field) => {
    expect(() => checkHostConfig({ ...base, ...patch })).toThrow(
      expect.objectContaining({
        code: "zmgr::host::invalid",
        details: expect.objectContaining({ field }),
      }),
    );
  });

  it("writes every recorded key, for any name, into the private known_hosts", () => {
    const rsa = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC";
    expect(knownHostsText(checkHostConfig({ ...base, hostKeys: [KEY, ` ${rsa} `] }))).toBe(
      `* ${KEY}\n* ${rsa}\n`,
    );
  });
});
