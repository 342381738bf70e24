import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SimHost } from "./sim-host.js";
import { dir, script, WEB, zc } from "./sim-zonecfg.fixture.js";

describe("zonecfg one-shot commands", () => {
  it("auto-commits at the end of the arguments (`;` separates commands)", () => {
    const h = SimHost.fresh().withZone({ name: "test", state: "configured" });
    expect(zc(h, "-z", "test", "add dataset; set name=rpool/zones/test/data; end").exitCode).toBe(
      0,
    );
    expect(zc(h, "-z", "test", "set", "cpu-shares=2").exitCode).toBe(0);
    const info = zc(h, "-z", "test", "info").stdout;
    expect(info).toContain("fs-allowed: \n[cpu-shares: 2]\n");
    expect(info).toContain("dataset:\n\tname: rpool/zones/test/data\n");
    expect(info).toContain(
      "rctl:\n\tname: zone.cpu-shares\n\tvalue: (priv=privileged,limit=2,action=none)\n",
    );
    const exp = zc(h, "-z", "test", "export").stdout;
    expect(exp).toContain(
      'add rctl\nset name="zone.cpu-shares"\nadd value (priv=privileged,limit=2,action=none)\nend\n',
    );
    expect(exp).toContain('add dataset\nset name="rpool/zones/test/data"\nend\n');
  });

  it("prints fs, attr and capped-memory blocks", () => {
    const h = SimHost.fresh().withZone({ name: "t", state: "configured" });
    const r = zc(
      h,
      "-z",
      "t",
      'add fs; set dir=/data; set special=/export/data; set type=lofs; add options ro; end; add attr; set name=resolvers; set type=string; set value="9.9.9.9 1.1.1.1"; end; add capped-memory; set physical=2G; end',
    );
    expect(r).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    const info = zc(h, "-z", "t", "info").stdout;
    expect(info).toContain(
      "fs:\n\tdir: /data\n\tspecial: /export/data\n\traw not specified\n\ttype: lofs\n\toptions: [ro]\n",
    );
    expect(info).toContain(
      'attr:\n\tname: resolvers\n\ttype: string\n\tvalue: "9.9.9.9 1.1.1.1"\n',
    );
    expect(info).toContain("capped-memory:\n\tphysical: 2G\n");
    expect(info.indexOf("fs:")).toBeLessThan(info.indexOf("capped-memory:"));
  });

  it("refuses a bogus zone name with the 3-part usage and exit 2", () => {
    expect(zc(SimHost.fresh(), "-z", "-bad", "info")).toEqual({
      exitCode: 2,
      stdout: "",
      stderr:
        "-bad: Bogus zone name\n\n<zone> := [A-Za-z0-9][A-Za-z0-9_.-]*\n\t(except the reserved words 'global' and anything starting with 'SUNW')\n\tName must be less than 64 characters.\n",
    });
    expect(zc(SimHost.fresh(), "-z", "a".repeat(64), "info").exitCode).toBe(2);
    expect(zc(SimHost.fresh()).exitCode).toBe(2);
  });

  it("create on an existing zone: refused without -F, overwrites with -F, refused once installed", () => {
    const h = SimHost.fresh().withZone({ name: "c", state: "configured" });
    expect(zc(h, "-z", "c", "create")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr:
        "Zone exists, input not from terminal and -F not specified:\ncreate command ignored, exiting.\n",
    });
    expect(zc(h, "-z", "c", "create -F; set zonepath=/zones/c2")).toEqual({
      exitCode: 0,
      stdout: "Zone c already exists; overwriting.\n",
      stderr: "",
    });
    expect(h.zone("c")?.zonepath).toBe("/zones/c2");
    const i = SimHost.fresh().withZone({ name: "i" });
    expect(zc(i, "-z", "i", "create -F").stderr).toBe(
      "Zone i already installed; create not allowed.\n",
    );
  });

  it("delete: -F removes a configured zone; refusals otherwise", () => {
    const h = SimHost.fresh().withZone({ name: "c", state: "configured" }).withZone({ name: "i" });
    expect(zc(h, "-z", "c", "delete")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "Input not from terminal and -F not specified:\ndelete command ignored, exiting.\n",
    });
    expect(zc(h, "-z", "i", "delete").stderr).toBe(
      "Zone i not in configured state; delete not allowed.  Use -F to force delete.\n",
    );
    expect(zc(h, "-z", "nope", "delete", "-F")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "nope: No such zone configured\n",
    });
    expect(zc(h, "-z", "c", "delete", "-F")).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(h.zone("c")).toBeUndefined();
  });

  it("scope errors; argv commands keep going after an error; an open resource at the end is an error", () => {
    const h = SimHost.fresh().withZone({ name: "c", state: "configured" });
    expect(zc(h, "-z", "c", "end").stderr).toBe(
      "The end command only makes sense in the resource scope.\n",
    );
    expect(zc(h, "-z", "c", "add net; commit")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "The commit command only makes sense in the global scope.\nResource incomplete.\n",
    });
    expect(zc(h, "-z", "c", "add net; end").stderr).toBe(
      "physical not specified\nResource incomplete.\n",
    );
    expect(zc(h, "-z", "c", "add net; revert").stderr).toBe(
      "You can only use revert in the global scope.\nUse 'cancel' to cancel changes to a resource specification.\nResource incomplete.\n",
    );
    expect(zc(h, "-z", "c", "set autoboot=maybe; set autoboot=true")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "autoboot value must be 'true' or 'false'.\n",
    });
    expect(h.zone("c")?.autoboot).toBe(true);
  });

  it("remove net by a qualified spec: OmniOS deletes the first net on that physical (DUALSTACK Q3)", () => {
    const omni = SimHost.fresh();
    zc(omni, "-z", "web", "-f", script(WEB));
    expect(
      zc(omni, "-z", "web", "remove net physical=web0 allowed-address=2001:db8::5/64").exitCode,
    ).toBe(0);
    expect(omni.zone("web")?.resources.map((r) => r.props["allowed-address"])).toEqual([
      "2001:db8::5/64",
    ]);
    const up = SimHost.fresh({ flavour: "illumos" });
    zc(up, "-z", "web", "-f", script(WEB));
    zc(up, "-z", "web", "remove net physical=web0 allowed-address=2001:db8::5/64");
    expect(up.zone("web")?.resources.map((r) => r.props["allowed-address"])).toEqual([
      "10.1.0.5/24",
    ]);
    expect(zc(up, "-z", "web", "remove net physical=web0").stderr).toBe("");
    expect(zc(omni, "-z", "web", "select net physical=nope").stderr).toBe(
      "net: No such resource with that id\n",
    );
  });

  it("remove -F net drops every net; export -f writes a file", () => {
    const h = SimHost.fresh();
    zc(h, "-z", "web", "-f", script(WEB));
    expect(zc(h, "-z", "web", "remove net")).toMatchObject({ exitCode: 1 });
    expect(zc(h, "-z", "web", "remove -F net").exitCode).toBe(0);
    expect(h.zone("web")?.resources).toEqual([]);
    const out = join(dir, "export.txt");
    zc(h, "-z", "web", "export", "-f", out);
    expect(readFileSync(out, "utf8")).toBe(
      "create -b\nset zonepath=/zones/web\nset brand=ipkg\nset autoboot=false\nset ip-type=exclusive\n",
    );
  });
});

describe("zonecfg special zones", () => {
  it("SUNW zones are read-only", () => {
    const h = SimHost.fresh();
    expect(zc(h, "-z", "SUNWx", "create")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "SUNWx: zones beginning with SUNW are read-only.\n",
    });
  });

  it("the global zone refuses zone-only resources and properties", () => {
    const h = SimHost.fresh();
    expect(zc(h, "-z", "global", "add net").stderr).toBe(
      "net is not a valid resource for the global zone.\n",
    );
    expect(zc(h, "-z", "global", "set zonepath=/x").stderr).toBe(
      "zonepath is not a valid property for the global zone.\n",
    );
    expect(zc(h, "-z", "global", "set cpu-shares=10").exitCode).toBe(0);
  });
});

describe("zonecfg end checks (ZC end_func)", () => {
  const cases: [string, string][] = [
    [
      "add fs; set dir=data; set special=/x; set type=lofs; end",
      "dir data is not an absolute path.\n",
    ],
    ["add fs; set dir=/data; end", "special not specified\ntype not specified\n"],
    ["add rctl; set name=zone.max-lwps; end", "no value specified\n"],
    [
      "add capped-memory; end",
      "No property was specified.  One of physical, swap or locked is required.\n",
    ],
    [
      "add attr; set name=-x; set type=string; set value=v; end",
      "Invalid attr name -x: must start with an alpha-numeric character.\n",
    ],
    [
      "add attr; set name=a; set type=boolean; set value=yes; end",
      "invalid attr value for type=boolean\n",
    ],
    [
      "add attr; set name=a; set type=int; set value=1; end; add attr; set name=a; set type=int; set value=2; end",
      "An attr resource with the name 'a' already exists.\n",
    ],
    [
      "add dataset; set name=tank/a; end; add dataset; set name=tank/a; end",
      "A dataset resource with the name 'tank/a' already exists.\n",
    ],
    [
      "add capped-memory; set physical=1G; end; add capped-memory",
      "The capped-memory resource or a related resource control already exists.\n",
    ],
    [
      "add dedicated-cpu; set ncpus=1; end; add dedicated-cpu",
      "The dedicated-cpu resource already exists.\n",
    ],
  ];
  for (const [cmds, stderr] of cases) {
    it(cmds, () => {
      const h = SimHost.fresh().withZone({ name: "c", state: "configured" });
      const r = zc(h, "-z", "c", cmds);
      expect(r.exitCode).toBe(1);
      expect(r.stderr.startsWith(stderr)).toBe(true);
    });
  }
});
