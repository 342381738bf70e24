import { describe, expect, it } from "vitest";
import { FakeExecutor } from "./fake-executor.js";

describe("FakeExecutor", () => {
  it("answers expected commands in order with their scripted output", async () => {
    const fake = new FakeExecutor()
      .expect(["zoneadm", "list", "-cp"], { stdout: "0:global:running:/::ipkg:shared\n" })
      .expect(["dladm", "delete-vnic", "web0"], {
        exitCode: 1,
        stderr: "dladm: invalid link name 'web0'\n",
      });
    expect(await fake.run({ file: "zoneadm", args: ["list", "-cp"] })).toEqual({
      exitCode: 0,
      stdout: "0:global:running:/::ipkg:shared\n",
      stderr: "",
    });
    expect((await fake.run({ file: "dladm", args: ["delete-vnic", "web0"] })).exitCode).toBe(1);
    fake.assertDone();
  });

  it("gives a binary command its scripted bytes, or its scripted text as bytes", async () => {
    const fake = new FakeExecutor()
      .expect(["tar", "-cf", "-"], { stdoutBytes: new Uint8Array([0, 1, 255]) })
      .expect(["tar", "-cf", "-"], { stdout: "ab" });
    const one = await fake.run({ file: "tar", args: ["-cf", "-"], encoding: "buffer" });
    const two = await fake.run({ file: "tar", args: ["-cf", "-"], encoding: "buffer" });
    expect([one.stdout, [...(one.stdoutBytes ?? [])]]).toEqual(["", [0, 1, 255]]);
    expect([two.stdout, [...(two.stdoutBytes ?? [])]]).toEqual(["", [97, 98]]);
    fake.assertDone();
  });

  it("throws on an unexpected command, naming expected and actual argv", async () => {
    const fake = new FakeExecutor().expect(["zoneadm", "-z", "web", "boot"]);
    await expect(fake.run({ file: "zoneadm", args: ["-z", "web", "halt"] })).rejects.toThrow(
      /expected: zoneadm -z web boot\n {2}actual: {3}zoneadm -z web halt/,
    );
  });

  it("keeps reporting a swallowed mismatch from assertDone", async () => {
    const fake = new FakeExecutor();
    await fake.run({ file: "dladm", args: ["show-link"] }).catch(() => undefined);
    expect(() => fake.assertDone()).toThrow(/unexpected command `dladm show-link`/);
  });

  it("reports expected commands that never ran", () => {
    const fake = new FakeExecutor().expect(["zonecfg", "-z", "web", "delete", "-F"]);
    expect(() => fake.assertDone()).toThrow(
      /1 expected command\(s\) never ran:\n {2}zonecfg -z web delete -F/,
    );
  });

  it("matches patterns and lets a function see the command", async () => {
    const fake = new FakeExecutor().expect(
      ["zonecfg", "-z", "web", "-f", /^\/tmp\/.+\.cfg$/],
      (cmd) => ({
        stdout: cmd.args.at(-1) ?? "",
      }),
    );
    expect(
      (await fake.run({ file: "zonecfg", args: ["-z", "web", "-f", "/tmp/a.cfg"] })).stdout,
    ).toBe("/tmp/a.cfg");
    fake.assertDone();
  });
});
