import { describe, expect, it } from "vitest";
import { SimHost } from "./sim-host.js";

const pkg = (h: SimHost, ...args: string[]) => h.run({ file: "pkg", args });

describe("pkg -R <zonepath>/root set-publisher", () => {
  it("adds a publisher to an installed zone's image, silently", () => {
    const h = SimHost.fresh().withZone({ name: "web" });
    expect(
      pkg(h, "-R", "/zones/web/root", "set-publisher", "-g", "https://pkg.example.org/", "example"),
    ).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: "",
    });
    expect(h.zone("web")?.publishers.at(-1)).toEqual({
      name: "example",
      origins: ["https://pkg.example.org/"],
    });
    expect(pkg(h, "-R", "/zones/web/root", "publisher", "-H").stdout).toContain(
      "example                     origin   online F https://pkg.example.org/\n",
    );
  });

  it("adds an origin to an existing publisher once", () => {
    const h = SimHost.fresh().withZone({ name: "web" });
    pkg(h, "-R", "/zones/web/root", "set-publisher", "-g", "https://m.example/", "omnios");
    pkg(h, "-R", "/zones/web/root", "set-publisher", "-g", "https://m.example/", "omnios");
    expect(h.zone("web")?.publishers[0]?.origins).toEqual([
      "https://pkg.omnios.org/bloody/core/",
      "https://m.example/",
    ]);
  });

  it("refuses a root that is no image, a missing name and a bad origin", () => {
    const h = SimHost.fresh().withZone({ name: "c", state: "configured" });
    expect(pkg(h, "-R", "/zones/c/root", "set-publisher", "-g", "https://x/", "x")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "pkg: No image rooted at '/zones/c/root'\n",
    });
    const i = SimHost.fresh().withZone({ name: "i" });
    expect(pkg(i, "-R", "/zones/i/root", "set-publisher", "-g", "https://x/").exitCode).toBe(2);
    expect(pkg(i, "-R", "/zones/i/root", "set-publisher", "-g", "ftp:/x", "x").stderr).toBe(
      "pkg: Invalid repository origin URI 'ftp:/x'.\n",
    );
  });

  it("the image goes away with uninstall", () => {
    const h = SimHost.fresh().withZone({ name: "web" });
    h.run({ file: "zoneadm", args: ["-z", "web", "uninstall", "-F"] });
    expect(pkg(h, "-R", "/zones/web/root", "publisher").exitCode).toBe(1);
  });
});
