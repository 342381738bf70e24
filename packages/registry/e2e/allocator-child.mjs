// One of the concurrent allocators: `node allocator-child.mjs <url> <host> <count> <seed>`.
// Runs <count> creates at once through the built @zmgr/registry on etcd and prints one JSON line.
import { parseDocument } from "@zmgr/kdl-schema";
import { EtcdClient, EtcdStorage, parseEtcdUrl } from "../dist/etcd/index.js";
import { reserveZone } from "../dist/index.js";

const [url, host, countText, seedText] = process.argv.slice(2);
const parsed = parseEtcdUrl(url);
const client = new EtcdClient({ endpoints: parsed.endpoints });
const storage = new EtcdStorage({ client, prefix: parsed.prefix, host });

/** mulberry32: a small seeded generator, so a run can be replayed from its printed seed. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(Number(seedText));
const wait = (ms) => new Promise((r) => setTimeout(r, ms));

const poolDoc = await storage.read("pool", "internal");
const pool = parseDocument("pool", poolDoc.text, "pools/internal.kdl").value;
const results = await Promise.all(
  Array.from({ length: Number(countText) }, async (_, i) => {
    const zone = `${host}-z${i}`;
    try {
      const made = await reserveZone({
        storage,
        zone,
        pool,
        nonce: `${host}-${i}-${seedText}`,
        text: (a) =>
          `zone "${zone}" {\n  template "oi"\n  net "internal" { address "${a[0]}"; pool "internal"; }\n  status "creating" by="${host}" pid=${process.pid} started="2026-12-04T10:00:00Z"\n}\n`,
        budgetMs: 120_000,
        now: () => Date.now(),
        random,
        delay: wait,
        // 0–20 ms between read and commit, so creators race for the same addresses
        betweenReadAndCommit: () => wait(Math.floor(random() * 21)),
      });
      return { zone, text: made.text, conflicts: made.conflicts };
    } catch (err) {
      return { zone, error: `${err.code ?? ""} ${err.message}` };
    }
  }),
);
client.close();
process.stdout.write(`${JSON.stringify(results)}\n`);
process.exit(0);
