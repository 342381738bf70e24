// Takes the registry lock of argv[2] through the built @zmgr/registry, prints "held", and keeps
// it until killed: no zmgr command holds the lock for long any more (host commands run before it).
import { Registry } from "@zmgr/registry";

await Registry.open(process.argv[2]).withLock(
  async () => {
    process.stdout.write("held\n");
    await new Promise(() => setInterval(() => {}, 60_000));
  },
  { timeoutMs: 30_000 },
);
