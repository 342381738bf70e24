import { describe, expect, it } from "vitest";
import { SimHost } from "./sim-host.js";

const run = (h: SimHost, line: string) => {
  const [file = "", ...args] = line.split(" ");
  return h.run({ file, args });
};
const stateOf = (h: SimHost, name: string) => h.zone(name)?.state;
const host = () =>
  SimHost.fresh()
    .withLink({ name: "web0", class: "vnic", over: "oinetint0" })
    .withZone({
      name: "web",
      state: "configured",
      nets: [{ physical: "web0", allowedAddress: "10.1.0.10/24" }],
    });

describe("zoneadm state machine", () => {
  it("walks configured → installed → running → installed → configured", () => {
    const h = host();
    expect(run(h, "zoneadm -z web install").exitCode).toBe(0);
    expect(stateOf(h, "web")).toBe("installed");
    expect(h.zone("web")?.dataset).toBe("rpool/zones/web");
    expect(run(h, "zoneadm -z web boot")).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(stateOf(h, "web")).toBe("running");
    expect(h.zone("web")?.id).toBe(1);
    expect(run(h, "zoneadm -z web halt")).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(stateOf(h, "web")).toBe("installed");
    expect(h.zone("web")?.id).toBeUndefined();
    expect(run(h, "zoneadm -z web uninstall -F")).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(stateOf(h, "web")).toBe("configured");
    expect(h.state.datasets["/zones/web"]).toBeUndefined();
  });

  it("ready puts the zone in the kernel and boot takes it on to running with the same id", () => {
    const h = host();
    run(h, "zoneadm -z web install");
    expect(run(h, "zoneadm -z web ready").exitCode).toBe(0);
    expect(run(h, "zoneadm list -cp").stdout).toMatch(/^1:web:ready:/m);
    run(h, "zoneadm -z web boot");
    expect(h.zone("web")).toMatchObject({ state: "running", id: 1 });
  });

  it("reboot and shutdown -r give the zone a new kernel id; shutdown halts", () => {
    const h = host();
    run(h, "zoneadm -z web install");
    run(h, "zoneadm -z web boot");
    expect(run(h, "zoneadm -z web reboot").exitCode).toBe(0);
    expect(h.zone("web")).toMatchObject({ state: "running", id: 2 });
    expect(run(h, "zoneadm -z web shutdown -r").exitCode).toBe(0);
    expect(h.zone("web")).toMatchObject({ state: "running", id: 3 });
    expect(run(h, "zoneadm -z web shutdown").exitCode).toBe(0);
    expect(stateOf(h, "web")).toBe("installed");
  });

  it("install -P puts that publisher first in the zone image", () => {
    const h = host();
    const r = run(
      h,
      "zoneadm -z web install -P openindiana.org=https://pkg.openindiana.org/hipster",
    );
    expect(r.stdout).toContain(
      "   Publisher: Using openindiana.org (https://pkg.openindiana.org/hipster).\n",
    );
    expect(h.zone("web")?.publishers.map((p) => p.name)).toEqual([
      "openindiana.org",
      "omnios",
      "extra.omnios",
    ]);
  });

  it("install -x nodataset creates no ZFS file system", () => {
    const h = host();
    const r = run(h, "zoneadm -z web install -x nodataset");
    expect(r.stdout).not.toContain("ZFS");
    expect(h.zone("web")?.dataset).toBeUndefined();
  });

  it("passes brand options through for non-IPS brands", () => {
    const h = SimHost.fresh().withZone({ name: "lx1", brand: "lx", state: "configured" });
    expect(run(h, "zoneadm -z lx1 install -s /images/alpine.tar.gz").exitCode).toBe(0);
  });

  it("halt of an installed zone and boot of a running one succeed with zoneadmd's note", () => {
    const h = host();
    run(h, "zoneadm -z web install");
    expect(run(h, "zoneadm -z web halt")).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: "zoneadm: zone 'web': zone is already halted\n",
    });
    run(h, "zoneadm -z web boot");
    expect(run(h, "zoneadm -z web boot")).toEqual({
      exitCode: 0,
      stdout: "",
      stderr: "zoneadm: zone 'web': zone is already booted\n",
    });
  });
});

describe("zoneadm refusals (COMMANDS.md §2.4)", () => {
  const cases: [string, string, number, (h: SimHost) => void][] = [
    ["zoneadm -z nope list -p", "zoneadm: nope: No such zone configured\n", 1, () => {}],
    ["zoneadm -z nope boot", "zoneadm: nope: No such zone configured\n", 1, () => {}],
    ["zoneadm boot", "zoneadm: no zone specified\n", 1, () => {}],
    [
      "zoneadm -z global boot",
      "zoneadm: zone 'global': boot operation is invalid for the global zone.\n",
      1,
      () => {},
    ],
    ["zoneadm -z web boot", "zoneadm: zone 'web': must be installed before boot.\n", 1, () => {}],
    ["zoneadm -z web ready", "zoneadm: zone 'web': must be installed before ready.\n", 1, () => {}],
    ["zoneadm -z web shutdown", "zoneadm: zone 'web': not running\n", 1, () => {}],
    ["zoneadm -z web reboot", "zoneadm: zone 'web': not running\n", 1, () => {}],
    [
      "zoneadm -z web uninstall -F",
      "zoneadm: zone 'web': is already in state 'configured'.\n",
      1,
      () => {},
    ],
    [
      "zoneadm -z web install",
      "zoneadm: zone 'web': is already installed.\n",
      1,
      (h) => run(h, "zoneadm -z web install"),
    ],
    [
      "zoneadm -z web install",
      "zoneadm: zone 'web': zone is incomplete; uninstall required.\n",
      1,
      (h) => run(h, "zoneadm -z web mark incomplete"),
    ],
    [
      "zoneadm -z web uninstall -F",
      "zoneadm: zone 'web': uninstall operation is invalid for running zones.\n",
      1,
      (h) => {
        run(h, "zoneadm -z web install");
        run(h, "zoneadm -z web boot");
      },
    ],
    [
      "zoneadm -z web install",
      "zoneadm: zone 'web': install operation is invalid for ready zones.\n",
      1,
      (h) => {
        run(h, "zoneadm -z web install");
        run(h, "zoneadm -z web ready");
      },
    ],
    [
      "zoneadm -z web uninstall",
      "zoneadm: zone 'web': Input not from terminal and -F not specified: uninstall not done.\n",
      1,
      (h) => run(h, "zoneadm -z web install"),
    ],
    [
      "zoneadm -z web verify",
      "zoneadm: zone 'web': zone is incomplete; uninstall required.\n",
      1,
      (h) => {
        run(h, "zoneadm -z web install");
        run(h, "zoneadm -z web mark incomplete");
      },
    ],
    ["zoneadm list -pv", "zoneadm: list -p and -v are mutually exclusive.\n", 1, () => {}],
    ["zoneadm -R rel list", "zoneadm: root path must be absolute.\n", 1, () => {}],
  ];
  for (const [line, stderr, code, setup] of cases) {
    it(`${line} → ${stderr.trim()}`, () => {
      const h = host();
      setup(h);
      const before = JSON.stringify(h.zone("web"));
      expect(run(h, line)).toEqual({ exitCode: code, stdout: "", stderr });
      expect(JSON.stringify(h.zone("web"))).toBe(before);
    });
  }

  it("SUNW zones are refused", () => {
    const h = SimHost.fresh().withZone({ name: "SUNWtest" });
    expect(run(h, "zoneadm -z SUNWtest boot").stderr).toBe(
      "zoneadm: zone 'SUNWtest': boot operation is invalid for zones starting with SUNW.\n",
    );
  });

  it("usage errors exit 2", () => {
    const h = host();
    const none = run(h, "zoneadm");
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(
      /^usage:\tzoneadm help\n\tzoneadm \[-z <zone>\] \[-u <uuid-match>\] list\n/,
    );
    expect(none.stderr.endsWith("mark incomplete\n\n")).toBe(true);
    expect(run(h, "zoneadm frobnicate").exitCode).toBe(2);
    const help = run(h, "zoneadm help");
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("\tPrint usage message.\n\n");
    const sub = run(h, "zoneadm -z web list -c");
    expect(sub.exitCode).toBe(2);
    expect(sub.stderr).toMatch(/^usage:\tlist \[-cinpv\]\n\tLists the current zones/);
    expect(run(h, "zoneadm -z web halt -x")).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/^zoneadm: illegal option -- x\nusage:\thalt\n/),
    });
    expect(run(h, "zoneadm install").exitCode).toBe(2);
  });

  it("boot of an exclusive-IP zone whose VNIC is missing warns and fails", () => {
    const h = SimHost.fresh().withZone({
      name: "db",
      nets: [{ physical: "db0", allowedAddress: "10.1.0.5/24" }],
    });
    const r = run(h, "zoneadm -z db boot");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      "WARNING: skipping network interface 'db0': object not found\n" +
        "zone 'db': failed to add network device\n" +
        "zoneadm: zone 'db': call to zoneadmd failed\n",
    );
    expect(h.zone("db")?.state).toBe("installed");
  });

  it("zoneadm verify only warns about a shared-IP physical that is not plumbed", () => {
    const h = SimHost.fresh().withZone({
      name: "s",
      ipType: "shared",
      nets: [{ physical: "oinetint0", address: "10.0.0.2/24" }],
    });
    expect(run(h, "zoneadm -z s verify")).toEqual({
      exitCode: 0,
      stdout: "",
      stderr:
        "WARNING: skipping network interface 'oinetint0' which may not be present/plumbed in the global zone.\n",
    });
    const ok = SimHost.fresh().withZone({
      name: "s",
      ipType: "shared",
      nets: [{ physical: "net0", address: "10.0.0.2/24" }],
    });
    expect(run(ok, "zoneadm -z s boot")).toEqual({ exitCode: 0, stdout: "", stderr: "" });
  });
});

describe("zoneadm -u and determinism", () => {
  it("-u selects a zone by uuid", () => {
    const h = SimHost.fresh().withZone({ name: "a", uuid: "1111-aaaa", state: "configured" });
    expect(run(h, "zoneadm -u 1111-aaaa list -p").stdout).toMatch(/^-:a:configured:/);
    expect(run(h, "zoneadm -u nope list -p")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "zoneadm: nope: No such zone configured\n",
    });
  });

  it("two hosts given the same commands end in the same state (uuids and MACs are deterministic)", () => {
    const steps = [
      "dladm create-vnic -l oinetint0 web0",
      "zoneadm -z web install",
      "zoneadm -z web boot",
    ];
    const make = () => {
      const h = SimHost.fresh();
      h.run({
        file: "zonecfg",
        args: ["-z", "web", "create -b; set zonepath=/zones/web; add net; set physical=web0; end"],
      });
      for (const l of steps) run(h, l);
      return h.toJSON();
    };
    expect(make()).toEqual(make());
  });
});
