import { describe, expect, it } from "vitest";
import { SimHost } from "./sim-host.js";
import { ofmtHuman } from "./sim-ofmt.js";

const run = (h: SimHost, line: string) => {
  const [file = "", ...args] = line.split(" ");
  return h.run({ file, args });
};
const ok = { exitCode: 0, stdout: "", stderr: "" };

describe("dladm on a fresh host", () => {
  it("has net0 (phys) and the etherstubs oinetint0 and pubstub0", () => {
    expect(run(SimHost.fresh(), "dladm show-link -p -o link,class,over,state,mtu").stdout).toBe(
      "net0:phys::up:1500\noinetint0:etherstub::up:9000\npubstub0:etherstub::up:9000\n",
    );
  });

  it("creates and deletes VNICs and etherstubs silently", () => {
    const h = SimHost.fresh();
    expect(run(h, "dladm create-vnic -l oinetint0 web0")).toEqual(ok);
    expect(run(h, "dladm create-etherstub stub1")).toEqual(ok);
    expect(run(h, "dladm show-vnic -p -o link,over,vid").stdout).toBe("web0:oinetint0:0\n");
    expect(h.link("web0")?.mac).toMatch(/^2:8:20(:[0-9a-f]{1,2}){3}$/);
    expect(run(h, "dladm delete-vnic web0")).toEqual(ok);
    expect(run(h, "dladm delete-etherstub stub1")).toEqual(ok);
    expect(run(h, "dladm show-vnic")).toEqual(ok);
  });

  it("escapes only when more than one field is asked for", () => {
    const h = SimHost.fresh().withLink({
      name: "vnic0",
      class: "vnic",
      over: "net0",
      mac: "2:8:20:38:a5:d6",
    });
    expect(run(h, "dladm show-vnic -p -o link,macaddress").stdout).toBe(
      "vnic0:2\\:8\\:20\\:38\\:a5\\:d6\n",
    );
    expect(run(h, "dladm show-vnic -p -o MACADDRESS vnic0").stdout).toBe("2:8:20:38:a5:d6\n");
  });

  it("takes -m with an explicit MAC and prints it without leading zeros", () => {
    const h = SimHost.fresh();
    expect(run(h, "dladm create-vnic -l net0 -m 02:08:20:0a:00:01 v0")).toEqual(ok);
    expect(run(h, "dladm show-vnic -p -o macaddress,macaddrtype v0").stdout).toBe(
      "2\\:8\\:20\\:a\\:0\\:1:fixed\n",
    );
  });

  it("filters show-vnic -l and shows one link by name", () => {
    const h = SimHost.fresh();
    run(h, "dladm create-vnic -l oinetint0 a0");
    run(h, "dladm create-vnic -l pubstub0 b0");
    expect(run(h, "dladm show-vnic -p -o link -l pubstub0").stdout).toBe("b0\n");
    expect(run(h, "dladm show-link -p -o link,over b0").stdout).toBe("b0:pubstub0\n");
    expect(run(h, "dladm show-etherstub").stdout).toBe("LINK\noinetint0\npubstub0\n");
  });
});

describe("dladm refusals (COMMANDS.md §4), all exit 1", () => {
  const cases: [string, string][] = [
    ["dladm create-vnic -l oinetint0 web-0", "dladm: invalid link name 'web-0'\n"],
    ["dladm create-vnic -l oinetint0 web01", "dladm: invalid link name 'web01'\n"],
    ["dladm create-vnic -l oinetint0 0web", "dladm: invalid link name '0web'\n"],
    ["dladm create-vnic -l oinetint0 web", "dladm: invalid link name 'web'\n"],
    [
      `dladm create-vnic -l oinetint0 ${"a".repeat(31)}0`,
      `dladm: link name too long '${"a".repeat(31)}0'\n`,
    ],
    ["dladm create-vnic -l nosuch0 web0", "dladm: invalid link name 'nosuch0'\n"],
    [
      "dladm create-vnic -l oinetint0 pubstub0",
      "dladm: vnic creation over oinetint0 failed: object already exists\n",
    ],
    ["dladm create-vnic -l oinetint0 -v 5000 web0", "dladm: invalid VLAN identifier '5000'\n"],
    ["dladm create-vnic -l oinetint0 -m fixed web0", "dladm: 'fixed' is not a valid MAC address\n"],
    ["dladm create-vnic -l oinetint0 -m 1:2:3 web0", "dladm: invalid MAC address\n"],
    [
      "dladm create-vnic -l net0 -l net0 web0",
      "dladm: the option -l cannot be specified more than once\n",
    ],
    ["dladm create-vnic -l net0 -m random -m auto web0", "dladm: cannot specify -m option twice\n"],
    ["dladm create-vnic -l net0 -f web0", "dladm: -f option can only be used with -v\n"],
    ["dladm delete-vnic nosuch0", "dladm: invalid link name 'nosuch0'\n"],
    ["dladm delete-vnic oinetint0", "dladm: 'oinetint0' is not a vnic\n"],
    [
      "dladm create-etherstub pubstub0",
      "dladm: etherstub creation failed: object already exists\n",
    ],
    ["dladm create-etherstub bad-stub0", "dladm: invalid link name 'bad-stub0'\n"],
    ["dladm delete-etherstub net0", "dladm: 'net0' is not an etherstub\n"],
    ["dladm show-link nosuch0", "dladm: link nosuch0 is not valid: object not found\n"],
    ["dladm show-vnic dev0", "dladm: invalid vnic name 'dev0': object not found\n"],
    ["dladm show-link -p", "dladm: -p requires -o\n"],
    ["dladm show-link -p -o all", 'dladm: "-o all" is invalid with -p\n'],
    ["dladm show-link -p -o link,foo", "dladm: unknown output field: `foo'\n"],
    ["dladm show-etherstub -l net0", "dladm: option not supported for this command\n"],
  ];
  for (const [line, stderr] of cases) {
    it(line, () => {
      const h = SimHost.fresh();
      const before = JSON.stringify(h.state.links);
      expect(run(h, line)).toEqual({ exitCode: 1, stdout: "", stderr });
      expect(JSON.stringify(h.state.links)).toBe(before);
    });
  }

  it("no arguments, an unknown subcommand and a missing -l print usage", () => {
    const h = SimHost.fresh();
    for (const line of ["dladm", "dladm frob", "dladm create-vnic web0"]) {
      const r = run(h, line);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/usage: {2}dladm <subcommand> <args> \.\.\.\n/);
    }
    expect(run(h, "dladm frob").stderr.startsWith("dladm: unknown subcommand 'frob'\n")).toBe(true);
  });

  it("a VNIC held by a running zone is busy, an etherstub with VNICs too", () => {
    const h = SimHost.fresh()
      .withLink({ name: "web0", class: "vnic", over: "oinetint0" })
      .withZone({
        name: "web",
        state: "running",
        nets: [{ physical: "web0", allowedAddress: "10.1.0.5/24" }],
      });
    expect(run(h, "dladm delete-vnic web0").stderr).toBe(
      "dladm: vnic deletion failed: link busy\n",
    );
    expect(run(h, "dladm delete-etherstub oinetint0").stderr).toBe(
      "dladm: etherstub deletion failed: link busy\n",
    );
  });

  it("an unknown field in human mode is only a warning", () => {
    const r = run(SimHost.fresh(), "dladm show-link -o link,foo net0");
    expect(r).toEqual({
      exitCode: 0,
      stdout: "LINK\nnet0\n",
      stderr: "dladm: warning: ignoring unknown output fields: foo\n",
    });
  });
});

describe("libofmt human layout", () => {
  it("a value as wide as its column gets one space, and later padding pays the overflow back", () => {
    const fields = [
      { name: "LINK", width: 12 },
      { name: "CLASS", width: 10 },
      { name: "MTU", width: 7 },
      { name: "STATE", width: 9 },
    ];
    expect(ofmtHuman(fields, [["averylongname0", "vnic", "1500", "up"]])).toBe(
      "LINK        CLASS     MTU    STATE\naverylongname0 vnic   1500   up\n",
    );
    expect(ofmtHuman(fields, [["x", "", "1500", ""]])).toBe(
      "LINK        CLASS     MTU    STATE\nx           --        1500   --\n",
    );
    expect(ofmtHuman(fields, [])).toBe("");
  });
});
