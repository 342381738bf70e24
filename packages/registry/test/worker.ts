// A separate OS process for the multi-process tests: bundled by test/bundle.ts, run with `node`.
//   add-address <root> <pool> <address>   withLock → load → put (the pool with one more address)
//   write-loop <root>                     rewrites zone files atomically, forever
//   hold-lock <root>                      takes the registry lock, prints "locked", waits
//   rounds <log>                          per stdin line <root>: lock, append start/end to <log>
//                                         (O_APPEND), release, print "done <took over 0|1>"
//   read-then-write <root> <zone> <text>  under the lock: load, print "read", wait for a stdin
//                                         line, then write zones/<zone>.kdl; prints the outcome
//   takeover-and-die <root>               takes over a stale lock and is SIGKILLed between its
//                                         claim and the read-back (prints "claimed" first)
import { appendFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { acquireLock, DirectoryStorage, Registry } from "../src/index.js";

const [mode, root = "", ...args] = process.argv.slice(2);

async function addAddress(pool: string, address: string): Promise<void> {
  const registry = Registry.open(root);
  await registry.withLock(
    async (snapshot) => {
      const file = snapshot.pools.get(pool);
      const value = file?.parsed.value;
      if (file === undefined || value === undefined || value.mode.kind !== "list") {
        throw new Error(`pool ${pool} is missing or not a list pool`);
      }
      const addresses = [...value.mode.addresses, address];
      await registry.put("pool", { ...value, mode: { kind: "list", addresses } }, file);
    },
    { timeoutMs: 170_000 },
  );
}

async function writeLoop(): Promise<void> {
  const storage = new DirectoryStorage(root);
  const filler = `  // ${"x".repeat(200)}\n`.repeat(2000);
  for (let i = 0; ; i++) {
    const name = `z${i % 5}`;
    const text = `zone "${name}" {\n  template "oi"\n${filler}  created "2026-03-22"\n}\n`;
    const current = await storage.read("zone", name);
    await storage.write("zone", name, text, current?.version ?? null);
    if (i === 5) process.stdout.write("writing\n");
  }
}

async function holdLock(): Promise<void> {
  const lock = await new DirectoryStorage(root).lock({ timeoutMs: 10_000 });
  process.stdout.write(`locked ${lock.holder.pid}\n`);
  setInterval(() => {}, 60_000); // stay alive, holding the lock, until killed
}

async function rounds(log: string): Promise<void> {
  for await (const dir of createInterface({ input: process.stdin })) {
    let tookOver = 0;
    const lock = await acquireLock(dir, {
      timeoutMs: 60_000,
      onNote: (m) => {
        if (m.startsWith("took over")) tookOver++;
      },
    });
    // the observer: records appended with O_APPEND, in the order the kernel saw them
    appendFileSync(log, `start ${process.pid}\n`, { flag: "a" });
    for (let i = 0; i < 3; i++) {
      await lock.assertHeld();
      await new Promise((resolve) => setImmediate(resolve));
    }
    appendFileSync(log, `end ${process.pid}\n`, { flag: "a" });
    await lock.release();
    process.stdout.write(`done ${tookOver}\n`);
  }
}

async function readThenWrite(zone: string, text: string): Promise<void> {
  const registry = Registry.open(root);
  const rl = createInterface({ input: process.stdin });
  const lines = rl[Symbol.asyncIterator]();
  try {
    await registry.withLock(
      async (snapshot) => {
        const file = snapshot.zones.get(zone);
        process.stdout.write("read\n");
        await lines.next(); // the test hook: paused here until the test says go
        await registry.putText("zone", zone, text, file);
      },
      { timeoutMs: 10_000 },
    );
    process.stdout.write("wrote\n");
  } catch (err) {
    process.stdout.write(`failed ${(err as { code?: string }).code}\n`);
    process.exitCode = 1;
  }
  rl.close();
  process.stdin.destroy();
}

async function takeoverAndDie(): Promise<void> {
  await acquireLock(
    root,
    { timeoutMs: 10_000 },
    {
      afterTakeoverClaim: async () => {
        process.stdout.write("claimed\n");
        process.kill(process.pid, "SIGKILL");
        await new Promise(() => {});
      },
    },
  );
}

if (mode === "add-address") await addAddress(args[0] ?? "", args[1] ?? "");
else if (mode === "write-loop") await writeLoop();
else if (mode === "hold-lock") await holdLock();
else if (mode === "rounds") await rounds(root);
else if (mode === "read-then-write") await readThenWrite(args[0] ?? "", args[1] ?? "");
else if (mode === "takeover-and-die") await takeoverAndDie();
else throw new Error(`unknown mode ${mode}`);
