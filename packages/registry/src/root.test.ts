import { describe, expect, it } from "vitest";
import { resolveRegistryRoot } from "./root.js";

const home = "/home/ada";

describe("resolveRegistryRoot", () => {
  it("prefers --registry over $ZMGR_REGISTRY", () => {
    const env = { ZMGR_REGISTRY: "/srv/reg" };
    expect(resolveRegistryRoot({ flag: "/tmp/r", env, simulate: false, home })).toBe("/tmp/r");
    expect(resolveRegistryRoot({ flag: "/tmp/r", env, simulate: true, home })).toBe("/tmp/r");
  });

  it("uses $ZMGR_REGISTRY when no flag is given, also under --simulate", () => {
    const env = { ZMGR_REGISTRY: "/srv/reg", XDG_STATE_HOME: "/x" };
    expect(resolveRegistryRoot({ env, simulate: false, home })).toBe("/srv/reg");
    expect(resolveRegistryRoot({ env, simulate: true, home })).toBe("/srv/reg");
  });

  it("falls back to /etc/zmgr on a real host", () => {
    expect(resolveRegistryRoot({ env: {}, simulate: false, home })).toBe("/etc/zmgr");
    expect(resolveRegistryRoot({ env: { ZMGR_REGISTRY: "" }, simulate: false, home })).toBe(
      "/etc/zmgr",
    );
  });

  it("never picks /etc/zmgr under --simulate: XDG state home, else ~/.local/state", () => {
    expect(resolveRegistryRoot({ env: { XDG_STATE_HOME: "/st" }, simulate: true, home })).toBe(
      "/st/zmgr-sim/registry",
    );
    expect(resolveRegistryRoot({ env: {}, simulate: true, home })).toBe(
      "/home/ada/.local/state/zmgr-sim/registry",
    );
  });

  it("ignores a relative $XDG_STATE_HOME as the XDG spec requires", () => {
    expect(resolveRegistryRoot({ env: { XDG_STATE_HOME: "state" }, simulate: true, home })).toBe(
      "/home/ada/.local/state/zmgr-sim/registry",
    );
  });

  it("resolves a relative --registry against the working directory", () => {
    expect(resolveRegistryRoot({ flag: "reg", env: {}, simulate: false, home, cwd: "/w" })).toBe(
      "/w/reg",
    );
  });
});
