import { describe, expect, it } from "vitest";
import { CommandAbortedError, CommandFailedError } from "./errors.js";
import { createExecaExecutor } from "./execa-executor.js";
import { FakeExecutor } from "./fake-executor.js";
import {
  commandStep,
  describePlan,
  type Plan,
  PlanAbortedError,
  type PlanEvent,
  type PlanStep,
} from "./plan.js";
import { runPlan } from "./plan-runner.js";
import type { Executor } from "./types.js";

/** A toy host: the plan creates resources a, b, c, d; recovery removes whatever exists. */
function lifecycle(failAt: number | undefined, opts: { undoFails?: string[] } = {}) {
  const live = new Set<string>();
  const names = ["a", "b", "c", "d"];
  const steps: PlanStep[] = names.map((name, i) => ({
    id: `create-${name}`,
    title: `create ${name}`,
    async run() {
      if (i === failAt) {
        live.add(name); // a half-done step leaves state behind, as a failed install does
        throw new Error(`${name} broke`);
      }
      live.add(name);
    },
  }));
  const plan: Plan = {
    title: "toy",
    steps,
    async recover() {
      return [...live].reverse().map((name) => ({
        id: `remove-${name}`,
        title: `remove ${name}`,
        undoes: [`create-${name}`],
        async run() {
          if (opts.undoFails?.includes(name)) throw new Error(`cannot remove ${name}`);
          live.delete(name);
        },
      }));
    },
  };
  return { plan, live };
}

describe("runPlan", () => {
  it("runs every step and reports done", async () => {
    const { plan, live } = lifecycle(undefined);
    const events: string[] = [];
    const result = await runPlan(plan, {
      exec: new FakeExecutor(),
      onEvent: (e) => events.push(e.type),
    });
    expect(result).toEqual({
      ok: true,
      recovered: false,
      undo: [],
      steps: plan.steps.map((s) => ({ id: s.id, title: s.title, status: "done" })),
    });
    expect(events).toEqual(Array(4).fill(["step-start", "step-done"]).flat());
    expect(live.size).toBe(4);
  });

  for (const failAt of [0, 1, 2, 3]) {
    it(`stops at a failure in step ${failAt + 1} and rolls back from live state`, async () => {
      const { plan, live } = lifecycle(failAt);
      const result = await runPlan(plan, { exec: new FakeExecutor() });
      expect(result.ok).toBe(false);
      expect(result.recovered).toBe(true);
      expect((result.error as Error).message).toBe(`${"abcd"[failAt]} broke`);
      expect(result.steps.map((s) => s.status)).toEqual(
        ["undone", "undone", "undone", "undone"].map((s, i) =>
          i < failAt ? s : i === failAt ? "failed" : "skipped",
        ),
      );
      expect(result.steps[failAt]?.error).toEqual({ message: `${"abcd"[failAt]} broke` });
      expect(result.undo.map((u) => [u.id, u.status])).toEqual(
        [..."abcd".slice(0, failAt + 1)].reverse().map((n) => [`remove-${n}`, "undone"]),
      );
      expect(live.size).toBe(0);
    });
  }

  it("reports a failing undo step and still runs the rest", async () => {
    const { plan, live } = lifecycle(2, { undoFails: ["b"] });
    const events: PlanEvent["type"][] = [];
    const result = await runPlan(plan, {
      exec: new FakeExecutor(),
      onEvent: (e) => events.push(e.type),
    });
    expect(result.recovered).toBe(false);
    expect(result.undo.map((u) => [u.id, u.status])).toEqual([
      ["remove-c", "undone"],
      ["remove-b", "undo-failed"],
      ["remove-a", "undone"],
    ]);
    expect(result.undo[1]?.error?.message).toBe("cannot remove b");
    expect(result.steps.map((s) => s.status)).toEqual(["undone", "done", "failed", "skipped"]);
    expect([...live]).toEqual(["b"]);
    expect(events.slice(-7)).toEqual([
      "recover-start",
      "undo-start",
      "undo-done",
      "undo-start",
      "undo-failed",
      "undo-start",
      "undo-done",
    ]);
  });

  it("reports a recovery that cannot be computed", async () => {
    const plan: Plan = {
      title: "p",
      steps: [{ id: "x", title: "x", run: async () => Promise.reject(new Error("x failed")) }],
      recover: async () => Promise.reject(new Error("zoneadm list failed")),
    };
    const result = await runPlan(plan, { exec: new FakeExecutor() });
    expect(result.recovered).toBe(false);
    expect(result.undo).toEqual([
      {
        id: "recover",
        title: "work out what to undo",
        status: "undo-failed",
        error: { message: "zoneadm list failed" },
      },
    ]);
  });

  it("keeps done steps done when the recovery returns no undo steps (it undid nothing)", async () => {
    const { plan } = lifecycle(2);
    const result = await runPlan(
      { ...plan, recover: async () => [] },
      { exec: new FakeExecutor() },
    );
    expect(result.steps.map((s) => s.status)).toEqual(["done", "done", "failed", "skipped"]);
    expect(result.undo).toEqual([]);
  });

  it("marks undone only the steps an undo step names", async () => {
    const { plan } = lifecycle(2);
    const result = await runPlan(
      {
        ...plan,
        recover: async () => [
          { id: "undo-b", title: "undo b", undoes: ["create-b"], run: async () => {} },
          { id: "cleanup", title: "unrelated cleanup", run: async () => {} },
        ],
      },
      { exec: new FakeExecutor() },
    );
    expect(result.recovered).toBe(true);
    expect(result.steps.map((s) => s.status)).toEqual(["done", "undone", "failed", "skipped"]);
  });

  it("with abortAfterLast, an interrupt during the last step still recovers", async () => {
    const { plan, live } = lifecycle(undefined);
    const controller = new AbortController();
    const lastStep = plan.steps[plan.steps.length - 1]!;
    const original = lastStep.run.bind(lastStep);
    lastStep.run = async (ctx) => {
      await original(ctx);
      controller.abort();
    };
    const plain = await runPlan(
      { ...plan },
      { exec: new FakeExecutor(), signal: controller.signal },
    );
    expect(plain.ok).toBe(true);
    const again = new AbortController();
    lastStep.run = async (ctx) => {
      await original(ctx);
      again.abort();
    };
    live.clear();
    const result = await runPlan(
      { ...plan, abortAfterLast: true },
      { exec: new FakeExecutor(), signal: again.signal },
    );
    expect(result.ok).toBe(false);
    expect(result.error).toBeInstanceOf(PlanAbortedError);
    expect(result.steps.map((s) => s.status)).toEqual(["undone", "undone", "undone", "undone"]);
  });

  it("without recover, reports the failure and the skipped steps", async () => {
    const { plan } = lifecycle(1);
    const result = await runPlan(
      { title: plan.title, steps: plan.steps },
      { exec: new FakeExecutor() },
    );
    expect(result.steps.map((s) => s.status)).toEqual(["done", "failed", "skipped", "skipped"]);
    expect(result.recovered).toBe(false);
  });

  it("stops before the next step when aborted between steps, then recovers", async () => {
    const { plan, live } = lifecycle(undefined);
    const controller = new AbortController();
    const first = plan.steps[1];
    if (!first) throw new Error("no step");
    const original = first.run.bind(first);
    first.run = async (ctx) => {
      await original(ctx);
      controller.abort(); // Ctrl-C while step 2 runs: it completes, step 3 never starts
    };
    let recoverFailure: unknown;
    const recover = plan.recover?.bind(plan);
    plan.recover = async (failure, ctx) => {
      recoverFailure = failure;
      expect(ctx.signal.aborted).toBe(false); // undo steps get a live signal
      return recover ? recover(failure, ctx) : [];
    };
    const result = await runPlan(plan, { exec: new FakeExecutor(), signal: controller.signal });
    expect(result.error).toBeInstanceOf(PlanAbortedError);
    expect((result.error as PlanAbortedError).code).toBe("zmgr::plan::aborted");
    expect(recoverFailure).toMatchObject({ step: { id: "create-c" } });
    expect(result.steps.map((s) => s.status)).toEqual(["undone", "undone", "skipped", "skipped"]);
    expect(result.recovered).toBe(true);
    expect(live.size).toBe(0);
  });

  it("stops a running command on abort, reports it failed and recovers", async () => {
    const controller = new AbortController();
    const undone: string[] = [];
    const plan: Plan = {
      title: "p",
      steps: [
        commandStep("slow", "a slow command", [
          { file: process.execPath, args: ["-e", "setTimeout(() => {}, 20000)"] },
        ]),
        commandStep("never", "never runs", [{ file: process.execPath, args: ["-e", ""] }]),
      ],
      recover: async (failure) => [
        { id: "undo", title: "undo", run: async () => void undone.push(failure.step.id) },
      ],
    };
    // Abort once the slow command has been started (an event), not after a guessed time.
    const execa = createExecaExecutor();
    const exec: Executor = {
      run: (cmd, o) => {
        const running = execa.run(cmd, o);
        setImmediate(() => controller.abort());
        return running;
      },
    };
    const result = await runPlan(plan, { exec, signal: controller.signal });
    expect(result.error).toBeInstanceOf(CommandAbortedError);
    expect(result.steps.map((s) => s.status)).toEqual(["failed", "skipped"]);
    expect(result.steps[0]?.error?.code).toBe("zmgr::exec::aborted");
    expect(undone).toEqual(["slow"]);
    expect(result.recovered).toBe(true);
  });

  it("hands the signal to the running step", async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const plan: Plan = {
      title: "p",
      steps: [
        {
          id: "s",
          title: "s",
          run: async (ctx) => {
            seen = ctx.signal;
          },
        },
      ],
    };
    await runPlan(plan, { exec: new FakeExecutor(), signal: controller.signal });
    expect(seen).toBe(controller.signal);
  });
});

describe("commandStep and describePlan", () => {
  const plan: Plan = {
    title: "create web",
    steps: [
      commandStep("vnic-0", "create VNIC web0", [
        { file: "dladm", args: ["create-vnic", "-l", "oinetint0", "web0"] },
      ]),
      commandStep("boot", "boot web", [{ file: "zoneadm", args: ["-z", "web", "boot"] }]),
    ],
  };

  it("describes every step with its exact argv", () => {
    expect(describePlan(plan)).toEqual({
      title: "create web",
      steps: [
        {
          id: "vnic-0",
          title: "create VNIC web0",
          commands: [["dladm", "create-vnic", "-l", "oinetint0", "web0"]],
        },
        { id: "boot", title: "boot web", commands: [["zoneadm", "-z", "web", "boot"]] },
      ],
    });
  });

  it("reports the failed command's code and stderr in the step report", async () => {
    const fake = new FakeExecutor()
      .expect(["dladm", "create-vnic", "-l", "oinetint0", "web0"])
      .expect(["zoneadm", "-z", "web", "boot"], {
        exitCode: 1,
        stderr: "zoneadm: zone 'web': must be installed before boot.\n",
      });
    const result = await runPlan(plan, { exec: fake });
    expect(result.error).toBeInstanceOf(CommandFailedError);
    expect(result.steps[1]).toEqual({
      id: "boot",
      title: "boot web",
      status: "failed",
      error: {
        code: "zmgr::exec::command_failed",
        message:
          "`zoneadm -z web boot` failed with exit code 1: zoneadm: zone 'web': must be installed before boot.",
        stderr: "zoneadm: zone 'web': must be installed before boot.\n",
      },
    });
    fake.assertDone();
  });
});
