import { describe, expect, it } from "vitest";
import {
  buildZonecfgScript,
  createExecaExecutor,
  defaultVnicName,
  describePlan,
  IllumosHost,
  illumosCommands,
  type Plan,
  runPlan,
} from "./index.js";
import { FakeExecutor } from "./testing.js";

// The README example, kept runnable.
describe("README example", () => {
  it("runs as documented", async () => {
    const host = new IllumosHost(createExecaExecutor({ prefix: ["pfexec"] }));
    expect(host).toBeInstanceOf(IllumosHost);

    const vnic = defaultVnicName("web", 0);
    expect(vnic).toBe("web0");
    const fake = new FakeExecutor()
      .expect(["dladm", "create-vnic", "-l", "oinetint0", vnic])
      .expect(["zoneadm", "-z", "web", "boot"], {
        exitCode: 1,
        stderr: "zoneadm: zone 'web': must be installed before boot.\n",
      })
      .expect(["dladm", "delete-vnic", vnic]);
    const plan: Plan = {
      title: "create web",
      steps: [
        {
          id: "vnic",
          title: `create VNIC ${vnic}`,
          commands: [illumosCommands.createVnic(vnic, "oinetint0")],
          run: (ctx) =>
            new IllumosHost(ctx.exec, { signal: ctx.signal }).createVnic(vnic, "oinetint0"),
        },
        {
          id: "boot",
          title: "boot web",
          commands: [illumosCommands.boot("web")],
          run: (ctx) => new IllumosHost(ctx.exec, { signal: ctx.signal }).boot("web"),
        },
      ],
      async recover(_failure, ctx) {
        const h = new IllumosHost(ctx.exec);
        return [
          {
            id: "undo-vnic",
            title: `delete VNIC ${vnic}`,
            undoes: ["vnic"],
            run: () => h.deleteVnic(vnic),
          },
        ];
      },
    };
    expect(describePlan(plan).steps.map((s) => s.commands)).toEqual([
      [["dladm", "create-vnic", "-l", "oinetint0", "web0"]],
      [["zoneadm", "-z", "web", "boot"]],
    ]);
    const events: string[] = [];
    const result = await runPlan(plan, { exec: fake, onEvent: (e) => events.push(e.type) });
    expect(result.ok).toBe(false);
    expect(result.steps[1]?.error?.stderr).toBe(
      "zoneadm: zone 'web': must be installed before boot.\n",
    );
    expect(result.undo).toEqual([{ id: "undo-vnic", title: "delete VNIC web0", status: "undone" }]);
    expect(result.recovered).toBe(true);
    expect(events).toEqual([
      "step-start",
      "step-done",
      "step-start",
      "step-failed",
      "recover-start",
      "undo-start",
      "undo-done",
    ]);
    fake.assertDone();

    const script = buildZonecfgScript({
      zonepath: "/zones/web",
      brand: "ipkg",
      autoboot: false,
      ipType: "exclusive",
      fs: [],
      datasets: [],
      attrs: [],
      nets: [
        { physical: vnic, address: "10.1.0.5/24", defrouter: "10.1.0.1" },
        { physical: vnic, address: "2001:db8::5/64", defrouter: "2001:db8::1" },
      ],
    });
    expect(script.match(/add net/g)).toHaveLength(2);
  });
});
