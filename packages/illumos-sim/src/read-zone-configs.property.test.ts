import { IllumosHost, readZoneConfigs, type ZonecfgNet } from "@zmgr/illumos-exec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSimExecutor } from "./sim-executor.js";
import { SimHost, type SimZoneSpec } from "./sim-host.js";
import type { SimFlavour, SimResource } from "./sim-model.js";

// Oracle: the simulator's `zonecfg info`, parsed. The XML path must give the same value for any
// configuration the simulator holds (fast-check prints the seed and path of a failure).
const word = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,12}$/);
const text = fc
  .stringMatching(/^[A-Za-z0-9&<>'=,./:-][A-Za-z0-9 &<>'=,./:-]{0,20}[A-Za-z0-9&<>'=,./:-]$/)
  .filter((s) => !s.includes("  "));
const path = word.map((w) => `/${w}`);
const limit = fc.integer({ min: 1, max: 100000 }).map(String);
const res = (type: string, props: Record<string, string>, lists?: Record<string, string[]>) =>
  ({ type, props, ...(lists ? { lists } : {}) }) as SimResource;
const defined = (o: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

function resource(flavour: SimFlavour): fc.Arbitrary<SimResource> {
  const pair = fc.tuple(word, text).map(([n, v]) => `(name=${n},value="${v}")`);
  return fc.oneof(
    fc
      .record({ dir: path, special: path, raw: opt(path), type: fc.constantFrom("lofs", "zfs") })
      .chain((p) =>
        fc
          .uniqueArray(fc.constantFrom("ro", "nodevices", "retry=5", "nosuid"), { maxLength: 3 })
          .map((options) => res("fs", defined(p), { options })),
      ),
    fc.tuple(word, text).map(([name, value]) => res("attr", { name, type: "string", value })),
    word.map((name) => res("dataset", { name: `rpool/${name}` })),
    fc
      .tuple(
        fc.constantFrom(
          ["zone.max-lwps", "deny"],
          ["zone.cpu-shares", "none"],
          ["zone.max-processes", "deny"],
          ["zone.max-lofi", "deny"],
        ),
        limit,
      )
      .map(([[name, action], l]) =>
        res(
          "rctl",
          { name: name ?? "" },
          { value: [`(priv=privileged,limit=${l},action=${action})`] },
        ),
      ),
    fc
      .tuple(fc.integer({ min: 1, max: 1023 }), fc.constantFrom("M", "G"))
      .map(([n, u]) => res("capped-memory", { physical: `${n}${u}` })),
    fc
      .tuple(
        path,
        flavour === "omnios" ? fc.array(pair, { maxLength: 3 }) : fc.constant<string[]>([]),
      )
      .map(([match, property]) =>
        res("device", { match: `/dev${match}` }, property.length ? { property } : undefined),
      ),
    fc
      .tuple(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        opt(fc.integer({ min: 1, max: 9 })),
      )
      .map(([min, extra, imp]) =>
        res(
          "dedicated-cpu",
          defined({
            ncpus: extra ? `${min}-${min + extra}` : `${min}`,
            importance: imp?.toString(),
          }),
        ),
      ),
    fc.tuple(word, word).map(([user, auths]) => res("admin", { user, auths })),
  );
}

function net(flavour: SimFlavour): fc.Arbitrary<ZonecfgNet> {
  const octet = fc.integer({ min: 1, max: 254 });
  return fc
    .record({
      physical: word.map((w) => `${w.replace(/[^a-z0-9_]/g, "")}0`),
      allowedAddress: opt(octet.map((o) => `10.0.0.${o}/24`)),
      address: opt(octet.map((o) => `10.9.0.${o}/24`)),
      defrouter: opt(fc.constant("10.0.0.1")),
      ...(flavour === "omnios"
        ? {
            globalNic: opt(word),
            macAddr: opt(fc.constant("2:8:20:a:b:c")),
            vlanId: opt(fc.integer({ min: 1, max: 4094 }).map(String)),
          }
        : {}),
    })
    .map((n) => defined(n as Record<string, string | undefined>) as ZonecfgNet);
}

function zone(flavour: SimFlavour): fc.Arbitrary<Omit<SimZoneSpec, "name">> {
  return fc.record({
    brand: fc.constantFrom("ipkg", "lipkg", "sparse", "lx"),
    autoboot: fc.boolean(),
    ipType: fc.constantFrom("exclusive" as const, "shared" as const),
    state: fc.constantFrom("configured" as const, "installed" as const, "running" as const),
    nets: fc.array(net(flavour), { maxLength: 3 }),
    // zonecfg holds one capped-memory, one dedicated-cpu and one rctl of a name
    resources: fc.uniqueArray(resource(flavour), {
      maxLength: 6,
      selector: (r) =>
        r.type === "capped-memory" || r.type === "dedicated-cpu"
          ? r.type
          : r.type === "rctl"
            ? `rctl ${r.props.name}`
            : JSON.stringify(r),
    }),
    props: fc
      .record({
        limitpriv: opt(fc.constant("default,dtrace_proc")),
        bootargs: opt(word),
        pool: opt(word),
        "fs-allowed": opt(fc.constant("ufs,pcfs")),
        hostid: opt(fc.constant("1a2b3c4d")),
      })
      .map((p) => defined(p)),
  });
}

describe("zone files and zonecfg info agree", () => {
  for (const flavour of ["omnios", "illumos"] as const) {
    it(`gives the same value by either path for random ${flavour} zones`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.tuple(word, zone(flavour)), {
            minLength: 1,
            maxLength: 4,
            selector: ([n]) => n,
          }),
          async (zones) => {
            const sim = SimHost.fresh({ flavour });
            for (const [name, z] of zones) sim.withZone({ name, ...z });
            const exec = createSimExecutor(sim);
            const names = zones.map(([n]) => n);
            const read = await readZoneConfigs(exec, names);
            const host = new IllumosHost(exec);
            for (const name of names) {
              expect(read.get(name)?.source).toBe("xml");
              expect(read.get(name)?.info).toEqual(await host.zoneInfo(name));
            }
          },
        ),
        { numRuns: 150 },
      );
    });
  }
});
