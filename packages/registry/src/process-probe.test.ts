import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { deadPid } from "../test/tmp.js";
import {
  machineId,
  processGone,
  processStartTime,
  psinfoStart,
  sameMachine,
  statStartTicks,
} from "./process-probe.js";

describe("process probe", () => {
  it("reads field 22 of /proc/<pid>/stat, also when the command name holds spaces and parens", () => {
    // a real line (cat), and the same with a hostile command name
    const line =
      "15302 (cat) R 15285 15285 32606 0 -1 4194304 100 0 0 0 0 0 0 0 20 0 1 0 175971 3133440 394";
    expect(statStartTicks(line)).toBe("175971");
    expect(statStartTicks(line.replace("(cat)", "(a) b (c)"))).toBe("175971");
    expect(statStartTicks("garbage")).toBeUndefined();
  });

  it("reads pr_start of a 64-bit psinfo_t at byte 88", () => {
    const buf = Buffer.alloc(416);
    buf.writeBigInt64LE(1764000000n, 88);
    buf.writeBigInt64LE(5000n, 96);
    expect(psinfoStart(buf)).toBe("psinfo:1764000000.000005000");
    expect(psinfoStart(Buffer.alloc(50))).toBeUndefined();
  });

  it("gives a live process one start time, a new process another, a dead one none", async () => {
    if (processStartTime(process.pid) === undefined) return; // no /proc here: pid only
    expect(processStartTime(process.pid)).toBe(processStartTime(process.pid));
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
    await new Promise((resolve) => child.on("spawn", resolve));
    const start = processStartTime(child.pid!);
    expect(start).toMatch(/^linux:.+:\d+$/);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));
    expect(processStartTime(await deadPid())).toBeUndefined();
  });

  it("judges gone by pid, and a live pid with another start time as gone", () => {
    const probe = { isAlive: (pid: number) => pid === 1, startOf: () => "s1" };
    expect(processGone(probe, 2)).toBe(true);
    expect(processGone(probe, 1)).toBe(false);
    expect(processGone(probe, 1, "s1")).toBe(false);
    expect(processGone(probe, 1, "s0")).toBe(true);
    const blind = { isAlive: () => true, startOf: () => undefined };
    expect(processGone(blind, 1, "s0")).toBe(false); // cannot tell: never guess it gone
  });

  it("names a machine by host id when both have one, else by host name", () => {
    expect(sameMachine({ host: "a", hostId: "1" }, { host: "b", hostId: "1" })).toBe(true);
    expect(sameMachine({ host: "a", hostId: "1" }, { host: "a", hostId: "2" })).toBe(false);
    expect(sameMachine({ host: "a" }, { host: "a", hostId: "2" })).toBe(true);
    expect(sameMachine({ host: "a" }, { host: "b" })).toBe(false);
  });

  it("reads the machine id from /etc/machine-id, else dbus's copy, else none", () => {
    const files: Record<string, string> = { "/var/lib/dbus/machine-id": "abc\n" };
    const read = (p: string) => (p in files ? Buffer.from(files[p]!) : undefined);
    expect(machineId(read)).toBe("abc");
    files["/etc/machine-id"] = "def\n";
    expect(machineId(read)).toBe("def");
    expect(machineId(() => undefined)).toBeUndefined();
  });
});
