import { describe, expect, it, onTestFinished, vi } from "vitest";
import { createSimExecutor } from "./sim-executor.js";
import { SimHost } from "./sim-host.js";

const run = (h: SimHost, line: string) => {
  const [file = "", ...args] = line.split(" ");
  return h.run({ file, args });
};

describe("failure injection", () => {
  it("a failed install leaves the zone incomplete with its ZFS zonepath", () => {
    const h = SimHost.fresh().withZone({ name: "web", state: "configured" }).inject({
      match: "zoneadm -z web install",
      exitCode: 1,
      stderr: "ERROR: pkg install failed",
    });
    const r = run(h, "zoneadm -z web install");
    expect(r).toEqual({
      exitCode: 1,
      stdout: "A ZFS file system has been created for this zone.\n",
      stderr: "ERROR: pkg install failed\n",
    });
    expect(h.zone("web")).toMatchObject({ state: "incomplete", dataset: "rpool/zones/web" });
    expect(run(h, "zoneadm -z web install").stderr).toBe(
      "zoneadm: zone 'web': zone is incomplete; uninstall required.\n",
    );
    expect(run(h, "zoneadm -z web uninstall -F").exitCode).toBe(0);
    expect(h.state.datasets["/zones/web"]).toBeUndefined();
  });

  it("a failed boot can leave the zone ready or down", () => {
    for (const leave of ["ready", "down"] as const) {
      const h = SimHost.fresh()
        .withZone({ name: "web" })
        .inject({ match: /^zoneadm -z web boot/, exitCode: 1, leaveState: leave });
      expect(run(h, "zoneadm -z web boot")).toMatchObject({
        exitCode: 1,
        stderr: "zoneadm: simulated failure (injected)\n",
      });
      expect(h.zone("web")).toMatchObject({ state: leave, id: 1 });
      expect(run(h, "zoneadm list -cp").stdout).toContain(`1:web:${leave}:`);
      expect(run(h, "zoneadm -z web halt").exitCode).toBe(0);
      expect(h.zone("web")?.state).toBe("installed");
    }
  });

  it("fires on the nth matching command only, and `times` repeats it", () => {
    const h = SimHost.fresh().inject({
      match: "dladm create-vnic",
      nth: 2,
      exitCode: 1,
      stderr: "boom",
    });
    expect(run(h, "dladm create-vnic -l net0 a0").exitCode).toBe(0);
    expect(run(h, "dladm show-link").exitCode).toBe(0);
    expect(run(h, "dladm create-vnic -l net0 b0")).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "boom\n",
    });
    expect(h.link("b0")).toBeUndefined();
    expect(run(h, "dladm create-vnic -l net0 c0").exitCode).toBe(0);
    const many = SimHost.fresh().inject({ match: "dladm show", times: 0, exitCode: 3 });
    expect([run(many, "dladm show-link").exitCode, run(many, "dladm show-vnic").exitCode]).toEqual([
      3, 3,
    ]);
  });

  it("matches pfexec-prefixed and absolute-path commands by the program name", () => {
    const h = SimHost.fresh().inject({ match: "dladm show-link", exitCode: 5 });
    expect(h.run({ file: "pfexec", args: ["/usr/sbin/dladm", "show-link"] }).exitCode).toBe(5);
  });

  it("a delay is recorded by the sync model and awaited by the executor", async () => {
    const h = SimHost.fresh().inject({ match: "zoneadm list", delayMs: 60 });
    const exec = createSimExecutor(h);
    vi.useFakeTimers(); // the clock moves only when the test says so
    onTestFinished(() => void vi.useRealTimers());
    let result: unknown;
    const running = exec.run({ file: "zoneadm", args: ["list"] }).then((r) => {
      result = r;
    });
    await vi.advanceTimersByTimeAsync(59);
    expect(result).toBeUndefined(); // still waiting out the delay
    expect(h.state.delays).toEqual([{ argv: "zoneadm list", delayMs: 60 }]);
    await vi.advanceTimersByTimeAsync(1);
    await running;
    expect(result).toEqual({ exitCode: 0, stdout: "global\n", stderr: "" });
  });

  it("an abort during the delay throws CommandAbortedError, after the command took effect", async () => {
    const h = SimHost.fresh().inject({ match: "dladm create-vnic", delayMs: 10_000 });
    const ac = new AbortController();
    const p = createSimExecutor(h).run(
      { file: "dladm", args: ["create-vnic", "-l", "net0", "a0"] },
      { signal: ac.signal },
    );
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: "zmgr::exec::aborted" });
    expect(h.link("a0")).toBeDefined();
    await expect(
      createSimExecutor(h).run(
        { file: "dladm", args: ["create-vnic", "-l", "net0", "b0"] },
        { signal: ac.signal },
      ),
    ).rejects.toMatchObject({ code: "zmgr::exec::aborted" });
    expect(h.link("b0")).toBeUndefined();
  });

  it("survives a JSON round trip, counters included", () => {
    const h = SimHost.fresh().inject({ match: /create-vnic/, nth: 2, exitCode: 1 });
    run(h, "dladm create-vnic -l net0 a0");
    const copy = SimHost.fromJSON(JSON.parse(JSON.stringify(h.toJSON())));
    expect(run(copy, "dladm create-vnic -l net0 b0").exitCode).toBe(1);
  });
});
