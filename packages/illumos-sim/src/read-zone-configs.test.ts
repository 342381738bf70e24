import {
  type Command,
  CommandAbortedError,
  CommandFailedError,
  CommandNotFoundError,
  type ExecResult,
  type Executor,
  readZoneConfigs,
} from "@zmgr/illumos-exec";
import { FakeExecutor } from "@zmgr/illumos-exec/testing";
import { describe, expect, it } from "vitest";
import { createSimExecutor } from "./sim-executor.js";
import { SimHost } from "./sim-host.js";

/** Records every command an executor runs. */
function counting(inner: Executor): Executor & { argv: string[] } {
  const argv: string[] = [];
  return {
    argv,
    run(cmd: Command, opts?: { signal?: AbortSignal }): Promise<ExecResult> {
      argv.push([cmd.file, ...cmd.args].join(" "));
      return inner.run(cmd, opts);
    },
  };
}

function host(): SimHost {
  return SimHost.fresh()
    .withZone({ name: "web", nets: [{ physical: "web0", allowedAddress: "10.1.0.5/24" }] })
    .withZone({ name: "db", state: "configured", autoboot: true })
    .withZone({
      name: "mail",
      ipType: "shared",
      nets: [{ physical: "net0", address: "10.1.0.9/24" }],
    });
}

describe("readZoneConfigs", () => {
  it("reads every zone from one tar of /etc/zones, with what zonecfg info says", async () => {
    const sim = host();
    const exec = counting(createSimExecutor(sim));
    const got = await readZoneConfigs(exec, ["web", "db", "mail"]);
    expect(exec.argv).toEqual(["/usr/bin/tar -cf - -C /etc/zones ."]);
    expect([...got.values()].map((r) => r.source)).toEqual(["xml", "xml", "xml"]);
    expect(got.get("web")?.info?.nets).toEqual([
      { physical: "web0", allowedAddress: "10.1.0.5/24" },
    ]);
    expect(got.get("db")?.info).toMatchObject({
      zonename: "db",
      autoboot: true,
      ipType: "exclusive",
    });
    expect(got.get("mail")?.info).toMatchObject({
      ipType: "shared",
      nets: [{ address: "10.1.0.9/24" }],
    });
  });

  it("asks zonecfg info for exactly the zones whose file is missing, unparsable or another zone's", async () => {
    const sim = host()
      .editZoneFile("web.xml", null)
      .editZoneFile("db.xml", '<zone name="db" autoboot="true">')
      .editZoneFile("mail.xml", '<zone name="other" autoboot="false"/>');
    const exec = counting(createSimExecutor(sim));
    const got = await readZoneConfigs(exec, ["web", "db", "mail"]);
    expect(exec.argv.slice(1).sort()).toEqual([
      "zonecfg -z db info",
      "zonecfg -z mail info",
      "zonecfg -z web info",
    ]);
    expect(got.get("web")).toMatchObject({ source: "zonecfg", reason: "web.xml is missing" });
    expect(got.get("db")?.reason).toMatch(/^db\.xml cannot be parsed: /);
    expect(got.get("mail")?.reason).toBe('mail.xml names zone "other"');
    expect(got.get("mail")?.info?.nets).toEqual([{ physical: "net0", address: "10.1.0.9/24" }]);
  });

  it("uses a commit's file again after a hand edit broke it (zonecfg rewrites it)", async () => {
    const sim = host().editZoneFile("web.xml", "garbage");
    sim.run({ file: "zonecfg", args: ["-z", "web", "set autoboot=true"] });
    const got = await readZoneConfigs(createSimExecutor(sim), ["web"]);
    expect(got.get("web")).toMatchObject({ source: "xml", info: { autoboot: true } });
  });

  it("reads another zones-dir with another tools-dir's tar", async () => {
    const sim = host().withZonesDir("/a/etc/zones");
    const exec = counting(createSimExecutor(sim));
    const got = await readZoneConfigs(exec, ["db"], {
      zonesDir: "/a/etc/zones",
      toolsDir: "/opt/bin",
    });
    expect(exec.argv).toEqual(["/opt/bin/tar -cf - -C /a/etc/zones ."]);
    expect(got.get("db")?.source).toBe("xml");
  });

  it("falls back for every zone when the bulk read fails, saying why", async () => {
    const exec = counting(createSimExecutor(host()));
    const got = await readZoneConfigs(exec, ["web", "db"], { zonesDir: "/nowhere" });
    expect(exec.argv).toHaveLength(3);
    expect(got.get("web")?.reason).toMatch(
      /^bulk read failed: .*\/nowhere: No such file or directory/,
    );
    expect(got.get("db")?.info?.autoboot).toBe(true);
  });

  it("falls back when there is no tar at all, and when the stream is not tar", async () => {
    const missing = new FakeExecutor()
      .expect(["/usr/bin/tar", "-cf", "-", "-C", "/etc/zones", "."], () => {
        throw new CommandNotFoundError("/usr/bin/tar", ["/usr/bin/tar"]);
      })
      .expect(["zonecfg", "-z", "web", "info"], { stdout: "zonename: web\nautoboot: false\n" });
    const got = await readZoneConfigs(missing, ["web"]);
    expect(got.get("web")).toMatchObject({ source: "zonecfg", info: { zonename: "web" } });
    expect(got.get("web")?.reason).toMatch(/command not found/);
    missing.assertDone();
    const junk = new FakeExecutor()
      .expect(["/usr/bin/tar", "-cf", "-", "-C", "/etc/zones", "."], { stdout: "not a tar\n" })
      .expect(["zonecfg", "-z", "web", "info"], { stdout: "zonename: web\nautoboot: true\n" });
    expect((await readZoneConfigs(junk, ["web"])).get("web")?.info?.autoboot).toBe(true);
    junk.assertDone();
  });

  it("gives undefined for a zone deleted meanwhile, and throws when zonecfg itself fails", async () => {
    const sim = host().editZoneFile("web.xml", null).editZoneFile("db.xml", null);
    sim.run({ file: "zonecfg", args: ["-z", "web", "delete", "-F"] });
    expect(
      (await readZoneConfigs(createSimExecutor(sim), ["web"])).get("web")?.info,
    ).toBeUndefined();
    sim.inject({ match: "zonecfg -z db info", exitCode: 1, stderr: "zonecfg: boom" });
    const error = await readZoneConfigs(createSimExecutor(sim), ["db"]).catch((e) => e);
    expect(error).toBeInstanceOf(CommandFailedError);
  });

  it("runs at most 8 zonecfg info commands at once", async () => {
    const waiting: (() => void)[] = [];
    let inFlight = 0;
    let most = 0;
    const exec: Executor = {
      async run(cmd) {
        if (cmd.file.endsWith("tar")) return { exitCode: 2, stdout: "", stderr: "tar: no\n" };
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise<void>((resolve) => waiting.push(resolve));
        inFlight--;
        return { exitCode: 0, stdout: `zonename: ${cmd.args[1]}\nautoboot: false\n`, stderr: "" };
      },
    };
    const names = Array.from({ length: 20 }, (_, i) => `z${i}`);
    let settled = false;
    const done = readZoneConfigs(exec, names).finally(() => {
      settled = true;
    });
    while (!settled) {
      await new Promise((r) => setImmediate(r));
      for (const resolve of waiting.splice(0)) resolve();
    }
    const got = await done;
    expect(most).toBe(8);
    expect([...got.keys()]).toEqual(names);
    expect(got.get("z19")?.info?.zonename).toBe("z19");
  });

  it("stops when its signal is aborted", async () => {
    const ac = new AbortController();
    ac.abort();
    const error = await readZoneConfigs(createSimExecutor(host()), ["web"], {
      signal: ac.signal,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(CommandAbortedError);
  });

  it("runs nothing for no zones, and refuses a relative zones-dir", async () => {
    const exec = counting(createSimExecutor(host()));
    expect((await readZoneConfigs(exec, [])).size).toBe(0);
    expect(exec.argv).toEqual([]);
    await expect(readZoneConfigs(exec, ["web"], { zonesDir: "etc/zones" })).rejects.toThrow(
      /absolute/,
    );
  });
});
