// A separate OS process for the multi-process tests: bundled by test/bundle.ts, run with `node`.
//   add-address <root> <pool> <address>   withLock → load → put (the pool with one more address)
//   write-loop <root>                     rewrites zone files atomically, forever
//   hold-lock <root>                      takes the registry lock, prints "locked", waits
import { DirectoryStorage, Registry } from "../src/index.js";

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

if (mode === "add-address") await addAddress(args[0] ?? "", args[1] ?? "");
else if (mode === "write-loop") await writeLoop();
else if (mode === "hold-lock") await holdLock();
else throw new Error(`unknown mode ${mode}`);
