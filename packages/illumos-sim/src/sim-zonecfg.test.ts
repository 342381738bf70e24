import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SimHost } from "./sim-host.js";
import { dir, script, WEB, zc } from "./sim-zonecfg.fixture.js";

describe("zonecfg -z NAME -f FILE", () => {
  it("configures a dual-stack exclusive-IP zone and prints nothing", () => {
    const h = SimHost.fresh();
    expect(zc(h, "-z", "web", "-f", script(WEB))).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(h.zone("web")).toMatchObject({
      state: "configured",
      brand: "ipkg",
      ipType: "exclusive",
    });
    expect(h.zone("web")?.resources.filter((r) => r.type === "net")).toHaveLength(2);
  });

  it("shows net resources in info in the OmniOS property order", () => {
    const h = SimHost.fresh();
    zc(h, "-z", "web", "-f", script(WEB));
    const info = zc(h, "-z", "web", "info", "net").stdout;
    expect(info).toBe(
      [
        "net:",
        "\taddress not specified",
        "\tallowed-address: 10.1.0.5/24",
        "\tdefrouter: 10.1.0.1",
        "\tglobal-nic not specified",
        "\tmac-addr not specified",
        "\tphysical: web0",
        "\tvlan-id not specified",
        "net:",
        "\taddress not specified",
        "\tallowed-address: 2001:db8::5/64",
        "\tdefrouter: 2001:db8::1",
        "\tglobal-nic not specified",
        "\tmac-addr not specified",
        "\tphysical: web0",
        "\tvlan-id not specified",
        "",
      ].join("\n"),
    );
    expect(zc(h, "-z", "web", "info", "net", "physical=nope").stdout).toBe(
      "No such net resource.\n",
    );
    expect(zc(h, "-z", "web", "info", "zonepath").stdout).toBe("zonepath: /zones/web\n");
  });

  it("upstream illumos: net order address, allowed-address, physical, defrouter; export as COMMANDS.md §3.5", () => {
    const h = SimHost.fresh({ flavour: "illumos" });
    const f = script(
      'create -b\nset zonepath=/zones/web\nset brand=ipkg\nset ip-type=exclusive\nadd net\nset allowed-address="10.0.0.5/24"\nset physical="vnic0"\nset defrouter="10.0.0.1"\nend\n',
    );
    expect(zc(h, "-z", "web", "-f", f).exitCode).toBe(0);
    expect(zc(h, "-z", "web", "info", "net").stdout).toBe(
      "net:\n\taddress not specified\n\tallowed-address: 10.0.0.5/24\n\tphysical: vnic0\n\tdefrouter: 10.0.0.1\n",
    );
    expect(zc(h, "-z", "web", "export").stdout).toBe(
      [
        "create -b",
        "set zonepath=/zones/web",
        "set brand=ipkg",
        "set autoboot=false",
        "set ip-type=exclusive",
        "add net",
        'set allowed-address="10.0.0.5/24"',
        'set physical="vnic0"',
        'set defrouter="10.0.0.1"',
        "end",
        "",
      ].join("\n"),
    );
  });

  it("stops at the first error with an `On line N of FILE:` header, then commits what came before", () => {
    const h = SimHost.fresh();
    const text = WEB.replace('set defrouter="10.1.0.1"', 'set defrouter="10.1.0.1,2001:db8::1"');
    const f = script(text);
    expect(zc(h, "-z", "web", "-f", f)).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: `On line 9 of ${f}:\n10.1.0.1,2001:db8::1: bogus host name or network address syntax\n`,
    });
    // zonecfg's cleanup() commits the pending changes; the open net resource is dropped.
    expect(h.zone("web")).toMatchObject({
      state: "configured",
      zonepath: "/zones/web",
      resources: [],
    });
  });

  it("accepts a comma list in allowed-address, as real zonecfg does (the DUALSTACK trap)", () => {
    const h = SimHost.fresh();
    const f = script(WEB.replace('"10.1.0.5/24"', '"10.1.0.5/24,2001:db8::9/64"'));
    expect(zc(h, "-z", "web", "-f", f).exitCode).toBe(0);
  });

  it("refuses an IPv6 address without a prefix", () => {
    const h = SimHost.fresh();
    const f = script(WEB.replace('"2001:db8::5/64"', '"2001:db8::5"'));
    expect(zc(h, "-z", "web", "-f", f).stderr).toBe(
      `On line 13 of ${f}:\n2001:db8::5: IPv6 addresses require /prefix-length suffix.\n`,
    );
  });

  it("refuses a duplicate net resource at end", () => {
    const h = SimHost.fresh();
    const f = script(
      WEB.replace('"2001:db8::5/64"', '"10.1.0.5/24"').replace('"2001:db8::1"', '"10.1.0.1"'),
    );
    const r = zc(h, "-z", "web", "-f", f);
    // A differing defrouter makes it a different resource (every field set on the new one counts).
    expect(
      zc(h, "-z", "w2", "-f", script(WEB.replace('"2001:db8::5/64"', '"10.1.0.5/24"'))).exitCode,
    ).toBe(0);
    expect(r.stderr).toBe(
      `On line 15 of ${f}:\nA net resource with the physical 'web0', and allowed-address '10.1.0.5/24' already exists.\n`,
    );
  });

  it("refuses a bad physical name in an exclusive-IP zone", () => {
    const h = SimHost.fresh();
    const f = script(WEB.replace('set physical="web0"', 'set physical="web-0"'));
    expect(zc(h, "-z", "web", "-f", f).stderr).toContain(
      "web-0: invalid physical interface name\n",
    );
    const g = script(WEB.replace('set physical="web0"', 'set physical="net0:1"'));
    expect(zc(h, "-z", "web2", "-f", g).stderr).toContain(
      "net0:1: physical interface name required; logical interface name not allowed\n",
    );
  });

  it("verify reports every problem and the first one's code; the -f run then fails to save", () => {
    const h = SimHost.fresh();
    const f = script(
      "create -b\nset ip-type=exclusive\nadd net\nset physical=v0\nset defrouter=10.0.0.1\nend\nadd net\nset physical=v1\nset address=10.0.0.2/24\nend\nverify\ncommit\n",
    );
    const problems = [
      "zonepath cannot be empty.",
      "net: defrouter for v0 cannot be specified without allowed-address for an exclusive IP type",
      "net: address cannot be specified for an exclusive IP type",
    ];
    expect(zc(h, "-z", "z", "-f", f)).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: [
        `On line 11 of ${f}:`,
        ...problems,
        "z: Required resource missing",
        // cleanup() still tries to commit the pending configuration
        ...problems,
        "Zone z failed to verify",
        "z: Required resource missing",
        "Configuration not saved.",
        "",
      ].join("\n"),
    });
    expect(h.zone("z")).toBeUndefined();
  });

  it("shared IP: address required, allowed-address refused", () => {
    const h = SimHost.fresh();
    const r = h.run({
      file: "zonecfg",
      args: ["-z", "s"],
      stdin:
        "create -b\nset zonepath=/zones/s\nset ip-type=shared\nadd net\nset physical=net0\nset allowed-address=10.0.0.2/24\nend\ncommit\n",
    });
    expect(r.stderr).toBe(
      [
        "s: No such zone configured",
        "net: address not specified",
        "net: allowed-address cannot be specified for a shared IP type",
        "Zone s failed to verify",
        "s: Required property missing",
        "net: address not specified",
        "net: allowed-address cannot be specified for a shared IP type",
        "Zone s failed to verify",
        "s: Required property missing",
        "Configuration not saved.",
        "",
      ].join("\n"),
    );
    expect(r.exitCode).toBe(1);
  });

  it("global properties are validated at set", () => {
    const h = SimHost.fresh();
    const cases: [string, string][] = [
      ["set zonepath=zones/x", "zones/x is not an absolute path."],
      ["set zonepath=/", "/ is not allowed as a zonepath."],
      ["set autoboot=yes", "autoboot value must be 'true' or 'false'."],
      ["set brand=nosuch", "nosuch: unknown brand."],
      ["set physical=x0", "Cannot set a resource-specific property from the global scope."],
    ];
    for (const [cmd, msg] of cases) {
      const f = script(`create -b\nset zonepath=/zones/x\n${cmd}\n`);
      expect(zc(h, "-z", "x", "-f", f).stderr).toBe(`On line 3 of ${f}:\n${msg}\n`);
      expect(zc(h, "-z", "x", "delete", "-F").exitCode).toBe(0);
    }
  });

  it("refuses to change zonepath or brand once installed", () => {
    const h = SimHost.fresh().withZone({ name: "web" });
    expect(zc(h, "-z", "web", "set", "zonepath=/zones/other").stderr).toBe(
      "Zone web already installed; set zonepath not allowed.\n",
    );
    expect(zc(h, "-z", "web", "set brand=lx").stderr).toBe(
      "Zone web already installed; set brand not allowed.\n",
    );
  });

  it("reports a missing file", () => {
    expect(zc(SimHost.fresh(), "-z", "x", "-f", join(dir, "missing"))).toMatchObject({
      exitCode: 1,
      stderr: `could not open file ${join(dir, "missing")}: No such file or directory\n`,
    });
  });

  it("-f - keeps going after errors and prints `On line N:`", () => {
    const h = SimHost.fresh();
    const r = h.run({
      file: "zonecfg",
      args: ["-z", "x", "-f", "-"],
      stdin: "create -b\nset autoboot=maybe\nset zonepath=/zones/x\n",
    });
    expect(r).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "On line 2:\nautoboot value must be 'true' or 'false'.\n",
    });
    expect(h.zone("x")?.zonepath).toBe("/zones/x");
  });
});
