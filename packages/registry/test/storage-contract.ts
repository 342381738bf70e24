import { parseDocument } from "@zmgr/kdl-schema";
import { describe, expect, it } from "vitest";
import { ConflictError } from "../src/errors.js";
import { reserveZone } from "../src/reserve-zone.js";
import type { Storage } from "../src/storage.js";

/** A backend under test, fresh and empty per call, with a way to corrupt a zone behind zmgr's back. */
export interface ContractSubject {
  storage: Storage;
  /** Replaces a zone's stored text with text that does not parse, as a hand edit would. */
  breakZone(name: string): Promise<void>;
}

export const POOL_TEXT = `pool "internal" {
  network "10.1.0.0/24" // the lab
  gateway "10.1.0.1"
  stub "oinetint0"
  range-start "10.1.0.10"
  range-end "10.1.0.250"
}
`;
export const V6_POOL_TEXT = `pool "v6" {
  network "2001:db8:1::/64"
  stub "pubstub0"
  range-start "2001:db8:1::10"
  range-end "2001:db8:1::ff"
}
`;

export function zoneText(name: string, addresses: string[], extra = ""): string {
  const list = addresses.map((a) => `"${a}"`).join(" ");
  return `zone "${name}" {\n  template "oi" // kept\n  net "internal" { address ${list}; pool "internal"; }\n${extra}}\n`;
}

export const pool = parseDocument("pool", POOL_TEXT, "pools/internal.kdl").value!;
export const v6Pool = parseDocument("pool", V6_POOL_TEXT, "pools/v6.kdl").value!;

/**
 * The Storage port's contract (ARCHITECTURE "Ports and adapters"), the same for every backend:
 * list, read, compare-and-swap, commit with guards, usedAddresses, and a ledger that never lets
 * an address go while its holder's document cannot be read.
 */
export function describeStorageContract(label: string, make: () => Promise<ContractSubject>): void {
  describe(`Storage contract: ${label}`, () => {
    it("lists and reads back exactly the bytes written, comments kept", async () => {
      const { storage } = await make();
      expect(await storage.list("pool")).toEqual([]);
      await storage.write("pool", "internal", POOL_TEXT, null);
      await storage.write("config", "config", 'default-template "oi"\n', null);
      expect(await storage.list("pool")).toEqual(["internal"]);
      expect(await storage.list("config")).toEqual(["config"]);
      expect((await storage.read("pool", "internal"))?.text).toBe(POOL_TEXT);
      expect(await storage.read("pool", "nope")).toBeUndefined();
      const many = await storage.readMany?.("pool", ["internal", "nope"]);
      if (many) expect([...many.keys()]).toEqual(["internal"]);
    });

    it("compare-and-swap: refuses an existing key on create, a stale version on update", async () => {
      const { storage } = await make();
      const v1 = await storage.write("pool", "internal", POOL_TEXT, null);
      await expect(storage.write("pool", "internal", POOL_TEXT, null)).rejects.toBeInstanceOf(
        ConflictError,
      );
      const edited = POOL_TEXT.replace("oinetint0", "stub1");
      const v2 = await storage.write("pool", "internal", edited, v1);
      expect(v2).not.toBe(v1);
      await expect(storage.write("pool", "internal", POOL_TEXT, v1)).rejects.toBeInstanceOf(
        ConflictError,
      );
      await expect(storage.remove("pool", "internal", v1)).rejects.toBeInstanceOf(ConflictError);
      expect((await storage.read("pool", "internal"))?.text).toBe(edited);
      await storage.remove("pool", "internal", v2);
      expect(await storage.list("pool")).toEqual([]);
    });

    it("commits several documents at once, or none when any guard fails", async () => {
      const { storage } = await make();
      const pv = await storage.write("pool", "internal", POOL_TEXT, null);
      await storage.write("zone", "web1", zoneText("web1", ["10.1.0.10/24"]), null);
      const failing = storage.commit({
        changes: [
          { kind: "zone", name: "web2", text: zoneText("web2", ["10.1.0.11/24"]), expected: null },
          { kind: "zone", name: "web1", text: zoneText("web1", ["10.1.0.12/24"]), expected: null },
        ],
      });
      await expect(failing).rejects.toBeInstanceOf(ConflictError);
      expect(await storage.read("zone", "web2")).toBeUndefined();
      const pv2 = await storage.write("pool", "internal", POOL_TEXT.replace("lab", "lab2"), pv);
      const stalePool = storage.commit({
        changes: [
          { kind: "zone", name: "web3", text: zoneText("web3", ["10.1.0.13/24"]), expected: null },
        ],
        guards: [{ kind: "pool", name: "internal", expected: pv }],
      });
      await expect(stalePool).rejects.toBeInstanceOf(ConflictError);
      expect(await storage.list("zone")).toEqual(["web1"]);
      const ok = await storage.commit({
        changes: [
          { kind: "zone", name: "web2", text: zoneText("web2", ["10.1.0.11/24"]), expected: null },
          { kind: "zone", name: "web3", text: zoneText("web3", ["10.1.0.13/24"]), expected: null },
        ],
        guards: [{ kind: "pool", name: "internal", expected: pv2 }],
      });
      expect([...ok.keys()].sort()).toEqual(["zones/web2.kdl", "zones/web3.kdl"]);
      expect(ok.get("zones/web2.kdl")?.version).toBe((await storage.read("zone", "web2"))?.version);
      expect((await storage.list("zone")).sort()).toEqual(["web1", "web2", "web3"]);
    });

    it("usedAddresses: the zones' addresses inside the given pools' networks only, freed on removal", async () => {
      const { storage } = await make();
      await storage.write("zone", "a", zoneText("a", ["10.1.0.20/24", "2001:db8:1::10/64"]), null);
      await storage.write("zone", "b", zoneText("b", ["10.1.0.11/24"]), null);
      const c = await storage.write("zone", "c", zoneText("c", ["192.168.9.9/24"]), null);
      expect(await storage.usedAddresses([pool])).toEqual(["10.1.0.11", "10.1.0.20"]);
      expect(await storage.usedAddresses([pool, v6Pool])).toEqual([
        "10.1.0.11",
        "10.1.0.20",
        "2001:db8:1::10",
      ]);
      await storage.remove("zone", "c", c);
      const b = (await storage.read("zone", "b"))!;
      await storage.commit({
        changes: [{ kind: "zone", name: "b", remove: true, expected: b.version }],
      });
      expect(await storage.usedAddresses([pool])).toEqual(["10.1.0.20"]);
    });

    it("an edit that moves a zone's address frees the old one and holds the new one", async () => {
      const { storage } = await make();
      const v = await storage.write("zone", "a", zoneText("a", ["10.1.0.20/24"]), null);
      await storage.write("zone", "a", zoneText("a", ["10.1.0.30/24", "10.1.0.31/24"]), v);
      expect(await storage.usedAddresses([pool])).toEqual(["10.1.0.30", "10.1.0.31"]);
    });

    it("refuses a commit of a zone taking an address another zone holds, writing nothing", async () => {
      const { storage } = await make();
      await storage.write("zone", "a", zoneText("a", ["10.1.0.20/24"]), null);
      const taking = storage.commit({
        changes: [
          { kind: "zone", name: "b", text: zoneText("b", ["10.1.0.20/24"]), expected: null },
        ],
      });
      await expect(taking).rejects.toBeInstanceOf(ConflictError);
      expect(await storage.list("zone")).toEqual(["a"]);
    });

    it("two creates racing for one address: one commits, the other retries and gets the next", async () => {
      const { storage } = await make();
      const both = barrier(2);
      const create = (zone: string) =>
        reserveZone({
          storage,
          zone,
          pool,
          nonce: `n-${zone}`,
          text: (a) => zoneText(zone, a),
          budgetMs: 10_000,
          now: () => Date.now(),
          random: () => 0, // both pick the lowest free address
          delay: async () => undefined,
          betweenReadAndCommit: both,
        });
      const [a, b] = await Promise.all([create("web1"), create("web2")]);
      expect([a.conflicts, b.conflicts].sort()).toEqual([0, 1]);
      expect(await storage.usedAddresses([pool])).toEqual(["10.1.0.10", "10.1.0.11"]);
    });

    it("never frees the addresses of a zone whose document stopped parsing (fails closed)", async () => {
      const subject = await make();
      await subject.storage.write("zone", "a", zoneText("a", ["10.1.0.20/24"]), null);
      await subject.breakZone("a");
      const outcome = await subject.storage.usedAddresses([pool]).then(
        (used) => ({ used }),
        (err: { code?: string }) => ({ code: err.code }),
      );
      if ("used" in outcome) expect(outcome.used).toContain("10.1.0.20");
      else expect(outcome.code).toBe("zmgr::registry::ledger_unreadable");
    });
  });
}

/** Holds the first `n` arrivals until all have come (both creators read first); later ones pass. */
export function barrier(n: number): () => Promise<void> {
  const waiting: (() => void)[] = [];
  let open = false;
  return () =>
    new Promise<void>((resolve) => {
      if (open) return resolve();
      waiting.push(resolve);
      if (waiting.length === n) {
        open = true;
        for (const w of waiting) w();
      }
    });
}
