import { existsSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { CommandFailedError, PermissionDeniedError } from "./errors.js";
import { FakeExecutor } from "./fake-executor.js";
import { IllumosHost } from "./host.js";
import { readCapture } from "./test-captures.js";

const noZone = (name: string) => ({ exitCode: 1, stderr: `${name}: No such zone configured\n` });

describe("IllumosHost zone queries", () => {
  it("lists zones with zoneadm list -cp", async () => {
    const fake = new FakeExecutor().expect(["zoneadm", "list", "-cp"], {
      stdout: readCapture("zoneadm-list-cp.1.txt"),
    });
    const zones = await new IllumosHost(fake).listZones();
    expect(zones.map((z) => z.name)).toContain("gold-lipkg-b");
    fake.assertDone();
  });

  it("reads one zone's status, undefined when unknown", async () => {
    const fake = new FakeExecutor()
      .expect(["zoneadm", "-z", "clean-zone", "list", "-p"], {
        stdout:
          "-:clean-zone:installed:/zones/clean-zone:311a4f36-779f-4d14-bc9d-c85cb9817327:lipkg:excl:216\n",
      })
      .expect(["zoneadm", "-z", "nope", "list", "-p"], {
        exitCode: 1,
        stderr: "zoneadm: nope: No such zone configured\n",
      });
    const host = new IllumosHost(fake);
    expect((await host.zoneStatus("clean-zone"))?.state).toBe("installed");
    expect(await host.zoneStatus("nope")).toBeUndefined();
    fake.assertDone();
  });

  it("reads zonecfg info, undefined when zonecfg says the zone does not exist", async () => {
    const fake = new FakeExecutor()
      .expect(["zonecfg", "-z", "test", "info"], { stdout: readCapture("zonecfg-info.1.txt") })
      .expect(["zonecfg", "-z", "dev", "info"], {
        exitCode: 1,
        stderr: readCapture("zonecfg-info-noexist.1.txt"),
      })
      .expect(["zonecfg", "-z", "web", "export"], {
        stdout: "create -b\nset zonepath=/zones/web\nset ip-type=shared\n",
      })
      .expect(["zonecfg", "-z", "gone", "export"], noZone("gone"));
    const host = new IllumosHost(fake);
    expect(await host.zoneInfo("test")).toMatchObject({
      zonename: "test",
      brand: "pkgsrc",
      ipType: "exclusive",
    });
    expect(await host.zoneInfo("dev")).toBeUndefined();
    expect(await host.zoneExport("web")).toMatchObject({
      zonename: "web",
      zonepath: "/zones/web",
      ipType: "shared",
    });
    expect(await host.zoneExport("gone")).toBeUndefined();
    fake.assertDone();
  });

  it("throws CommandFailedError for other zonecfg info failures", async () => {
    const fake = new FakeExecutor().expect(["zonecfg", "-z", "bad name", "info"], {
      exitCode: 2,
      stderr: "bad name: Bogus zone name\n\n<zone> := [A-Za-z0-9][A-Za-z0-9_.-]*\n",
    });
    const error = await new IllumosHost(fake).zoneInfo("bad name").catch((e) => e);
    expect(error).toBeInstanceOf(CommandFailedError);
    expect(error.message).toBe(
      "`zonecfg -z 'bad name' info` failed with exit code 2: bad name: Bogus zone name",
    );
    expect(error.details).toEqual({
      argv: ["zonecfg", "-z", "bad name", "info"],
      exitCode: 2,
      stderr: "bad name: Bogus zone name\n\n<zone> := [A-Za-z0-9][A-Za-z0-9_.-]*\n",
    });
  });
});

describe("IllumosHost zone changes", () => {
  it("runs install with the first publisher and extra args, showing the installer output", async () => {
    const fake = new FakeExecutor()
      .expect(
        [
          "zoneadm",
          "-z",
          "test",
          "install",
          "-P",
          "omnios=https://pkg.omnios.org/bloody/core/",
          "-e",
          "vim",
        ],
        {
          stdout: readCapture("zoneadm-install.1.txt"),
        },
      )
      .expect(["zoneadm", "-z", "lx0", "install", "-s", "/img.tar.gz"])
      .expect(["zoneadm", "-z", "plain", "install"]);
    const host = new IllumosHost(fake);
    await host.install("test", {
      publisher: { name: "omnios", origin: "https://pkg.omnios.org/bloody/core/" },
      args: ["-e", "vim"],
    });
    await host.install("lx0", { args: ["-s", "/img.tar.gz"] });
    await host.install("plain");
    fake.assertDone();
  });

  it("uses the exact argv for the lifecycle commands", async () => {
    const fake = new FakeExecutor()
      .expect(["zoneadm", "-z", "web", "boot"])
      .expect(["zoneadm", "-z", "web", "reboot"])
      .expect(["zoneadm", "-z", "web", "shutdown"])
      .expect(["zoneadm", "-z", "web", "halt"])
      .expect(["zoneadm", "-z", "web", "uninstall", "-F"])
      .expect(["zonecfg", "-z", "web", "delete", "-F"]);
    const host = new IllumosHost(fake);
    await host.boot("web");
    await host.reboot("web");
    await host.shutdown("web");
    await host.halt("web");
    await host.uninstall("web");
    await host.deleteZone("web");
    fake.assertDone();
  });

  it("applies a zonecfg script through a 0600 temp file that is always removed", async () => {
    const seen: string[] = [];
    const script = 'create -b\nset zonepath="/zones/web"\ncommit\n';
    const fake = new FakeExecutor()
      .expect(["zonecfg", "-z", "web", "-f", /zmgr-zonecfg-web-.*\.cfg$/], (cmd) => {
        const file = cmd.args[3] ?? "";
        seen.push(file);
        expect(file.startsWith(tmpdir())).toBe(true);
        expect(readFileSync(file, "utf8")).toBe(script);
        expect(statSync(file).mode & 0o777).toBe(0o600);
        return {};
      })
      .expect(["zonecfg", "-z", "web", "-f", /zmgr-zonecfg-web-/], (cmd) => {
        seen.push(cmd.args[3] ?? "");
        return { exitCode: 1, stderr: "On line 2 of /tmp/x:\n/zones: is not an absolute path.\n" };
      });
    const host = new IllumosHost(fake);
    await host.applyZonecfg("web", script);
    await expect(host.applyZonecfg("web", script)).rejects.toThrow(/exit code 1: On line 2/);
    expect(seen).toHaveLength(2);
    for (const file of seen) expect(existsSync(file)).toBe(false);
    fake.assertDone();
  });

  it("turns a privilege refusal on stderr into PermissionDeniedError mentioning pfexec", async () => {
    const fake = new FakeExecutor()
      .expect(["zoneadm", "-z", "web", "boot"], {
        exitCode: 1,
        stderr: "zoneadm: zone 'web': only a privileged user may boot a zone.\n",
      })
      .expect(["dladm", "create-vnic", "-l", "net0", "web0"], {
        exitCode: 1,
        stderr: "dladm: vnic creation over net0 failed: permission denied\n",
      })
      .expect(["zonecfg", "-z", "web", "info"], {
        exitCode: 1,
        stderr: "web: Permission denied\n",
      });
    const host = new IllumosHost(fake);
    for (const attempt of [
      host.boot("web"),
      host.createVnic("web0", "net0"),
      host.zoneInfo("web"),
    ]) {
      const error = await attempt.catch((e) => e);
      expect(error).toBeInstanceOf(PermissionDeniedError);
      expect(error.code).toBe("zmgr::exec::permission_denied");
      expect(error.help).toContain('command-prefix "pfexec"');
    }
    fake.assertDone();
  });
});

describe("IllumosHost links and publishers", () => {
  it("reads links, VNICs, etherstubs and physical links in parsable mode", async () => {
    const fake = new FakeExecutor()
      .expect(["dladm", "show-link", "-p", "-o", "link,class,over,state,mtu"], {
        stdout: "net0:phys::up:1500\noinetint0:etherstub::up:9000\nweb0:vnic:oinetint0:up:9000\n",
      })
      .expect(["dladm", "show-vnic", "-p", "-o", "link,over,macaddress,vid"], {
        stdout: "web0:oinetint0:2\\:8\\:20\\:38\\:a5\\:d6:0\n",
      })
      .expect(["dladm", "show-etherstub", "-p", "-o", "link"], { stdout: "oinetint0\npubstub0\n" })
      .expect(["dladm", "show-phys", "-p", "-o", "link,media,state,speed,duplex,device"], {
        stdout: "igb0:Ethernet:up:1000:full:igb0\n",
      });
    const host = new IllumosHost(fake);
    expect(await host.showLinks()).toEqual([
      { link: "net0", class: "phys", over: "", state: "up", mtu: "1500" },
      { link: "oinetint0", class: "etherstub", over: "", state: "up", mtu: "9000" },
      { link: "web0", class: "vnic", over: "oinetint0", state: "up", mtu: "9000" },
    ]);
    expect(await host.showVnics()).toEqual([
      { link: "web0", over: "oinetint0", macaddress: "2:8:20:38:a5:d6", vid: "0" },
    ]);
    expect(await host.showEtherstubs()).toEqual(["oinetint0", "pubstub0"]);
    expect(await host.showPhys()).toEqual([
      {
        link: "igb0",
        media: "Ethernet",
        state: "up",
        speed: "1000",
        duplex: "full",
        device: "igb0",
      },
    ]);
    fake.assertDone();
  });

  it("returns undefined for a missing VNIC (capture) and throws for other show-vnic failures", async () => {
    const fake = new FakeExecutor()
      .expect(["dladm", "show-vnic", "-p", "-o", "link,over,macaddress,vid", "dev0"], {
        exitCode: 1,
        stderr: readCapture("dladm-show-vnic-missing.1.txt"),
      })
      .expect(["dladm", "show-vnic", "-p", "-o", "link,over,macaddress,vid", "x0"], {
        exitCode: 1,
        stderr: "dladm: link busy\n",
      });
    const host = new IllumosHost(fake);
    expect(await host.showVnic("dev0")).toBeUndefined();
    await expect(host.showVnic("x0")).rejects.toBeInstanceOf(CommandFailedError);
    fake.assertDone();
  });

  it("creates and deletes VNICs and sets publishers with the exact argv", async () => {
    const fake = new FakeExecutor()
      .expect(["dladm", "create-vnic", "-l", "oinetint0", "web0"])
      .expect(["dladm", "delete-vnic", "web0"])
      .expect([
        "pkg",
        "-R",
        "/zones/web/root",
        "set-publisher",
        "-g",
        "https://pkg.example/extra/",
        "extra.omnios",
      ]);
    const host = new IllumosHost(fake);
    await host.createVnic("web0", "oinetint0");
    await host.deleteVnic("web0");
    await host.setPublisher("/zones/web/root", "extra.omnios", "https://pkg.example/extra/");
    fake.assertDone();
  });

  it("refuses names that getopt would read as options, before running anything", async () => {
    const fake = new FakeExecutor();
    const host = new IllumosHost(fake);
    await expect(host.createVnic("-t", "net0")).rejects.toMatchObject({
      code: "zmgr::exec::unsafe_value",
    });
    await expect(host.boot("-F")).rejects.toThrow(/would be read as an option/);
    await expect(host.deleteVnic("")).rejects.toThrow(/is empty/);
    expect(fake.calls).toEqual([]);
  });

  it("passes its AbortSignal to every command", async () => {
    const controller = new AbortController();
    let got: AbortSignal | undefined;
    const fake = new FakeExecutor().expect(["zoneadm", "-z", "web", "halt"], (_cmd, signal) => {
      got = signal;
      return {};
    });
    await new IllumosHost(fake, { signal: controller.signal }).halt("web");
    expect(got).toBe(controller.signal);
  });
});
