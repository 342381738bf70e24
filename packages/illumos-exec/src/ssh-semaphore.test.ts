import { describe, expect, it } from "vitest";
import { createSemaphore } from "./ssh-semaphore.js";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("createSemaphore", () => {
  it("never has more than the limit in flight and starts waiters in order", async () => {
    const sem = createSemaphore(2);
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    let peak = 0;
    const runs = gates.map((gate, i) =>
      sem.run(async () => {
        started.push(i);
        peak = Math.max(peak, sem.active);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]?.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(sem.active).toBe(0);
  });

  it("releases its place when a task throws", async () => {
    const sem = createSemaphore(1);
    await expect(sem.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await sem.run(async () => "next")).toBe("next");
  });
});
