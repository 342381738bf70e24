import { parseZonecfgExport, parseZonecfgInfo } from "@zmgr/illumos-exec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SimHost } from "./sim-host.js";
import type { SimFlavour, SimResource } from "./sim-model.js";

// The simulator prints one zone two ways (`info`: TABs, brackets, quoteit, aliased rctls;
// `export`: commands, quoted resource values, `add` per list item). Whatever the configuration,
// both must parse to the same typed value, or drift between views would be reported falsely.

const path = fc
  .array(fc.constantFrom("data", "my dir", "a=b", "x,y", "opt"), { minLength: 1, maxLength: 3 })
  .map((p) => `/${p.join("/")}`);
const v4 = fc.tuple(fc.nat(254), fc.nat(254)).map(([a, b]) => `10.${a}.${b}.5`);
const link = fc.tuple(fc.constantFrom("web", "lx", "a_b"), fc.nat(99)).map(([a, n]) => `${a}${n}`);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const defined = (o: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
const complex = (name: string, value: string) => `(name=${name},value="${value}")`;

const fs = fc
  .record({
    dir: path,
    special: path,
    type: fc.constantFrom("lofs", "zfs"),
    options: fc.subarray(["ro", "nodevices", "nosuid", "retry=5"]),
  })
  .map(({ options, ...props }): SimResource => ({ type: "fs", props, lists: { options } }));
const net = fc
  .record({
    physical: link,
    "allowed-address": opt(v4.map((a) => `${a}/24`)),
    defrouter: opt(v4),
    "global-nic": opt(fc.constantFrom("auto", "igb0")),
    "vlan-id": opt(fc.constantFrom("12", "4000")),
    ips: opt(v4.map((a) => `${a}/26`)),
  })
  .map(
    ({ ips, ...props }): SimResource => ({
      type: "net",
      props: defined(props),
      ...(ips ? { lists: { property: [complex("ips", ips), complex("primary", "true")] } } : {}),
    }),
  );
const others: fc.Arbitrary<SimResource> = fc.oneof<fc.Arbitrary<SimResource>[]>(
  fc.record({ match: path.map((p) => `/dev/zvol/rdsk${p}*`) }).map((props) => ({
    type: "device",
    props,
  })),
  fc
    .record({
      name: fc.constantFrom("vcpus", "disk", "resolvers"),
      value: fc.constantFrom(
        "cpus=16,sockets=2",
        "tank/hdd/a,serial=1234",
        "9.9.9.9 1.1.1.1",
        "on",
      ),
    })
    .map((p) => ({ type: "attr", props: { name: p.name, type: "string", value: p.value } })),
  fc.record({ name: fc.constantFrom("rpool/a", "tank/data") }).map((props) => ({
    type: "dataset",
    props,
  })),
  fc
    .record({ physical: fc.constantFrom("1G", "512M"), swap: opt(fc.constantFrom("2G", "4G")) })
    .map((p) => ({ type: "capped-memory", props: defined(p) })),
  fc
    .record({
      name: fc.constantFrom("zone.cpu-shares", "zone.max-lwps", "zone.max-processes"),
      limit: fc.integer({ min: 1, max: 100000 }),
    })
    .map(({ name, limit }) => ({
      type: "rctl",
      props: { name },
      lists: { value: [`(priv=privileged,limit=${limit},action=deny)`] },
    })),
  fc.record({ ncpus: fc.constantFrom("2", "1-4") }).map((props) => ({
    type: "dedicated-cpu",
    props,
  })),
  fc.record({ ncpus: fc.constantFrom("1.5", "2", "0.25") }).map((props) => ({
    type: "capped-cpu",
    props,
  })),
);
const zone = fc.record({
  brand: fc.constantFrom("lipkg", "sparse", "pkgsrc", "lx", "ipkg"),
  autoboot: fc.boolean(),
  ipType: fc.constantFrom("exclusive" as const, "shared" as const),
  props: fc.record(
    {
      bootargs: fc.constantFrom("-m verbose", "-s"),
      limitpriv: fc.constantFrom("default", "default,dtrace_proc"),
      "scheduling-class": fc.constant("FSS"),
      hostid: fc.constant("1a2b3c4d"),
      "fs-allowed": fc.constant("ufs,pcfs"),
    },
    { requiredKeys: [] },
  ),
  resources: fc.array(fc.oneof(fs, net, others), { maxLength: 6 }),
});

describe("simulator zonecfg info and export", () => {
  for (const flavour of ["omnios", "illumos"] as SimFlavour[]) {
    it(`parse to the same typed value for any zone (${flavour})`, () => {
      fc.assert(
        fc.property(zone, (z) => {
          // One unique rctl per name: zonecfg refuses a second resource with the same name.
          const seen = new Set<string>();
          const resources = z.resources.filter(
            (r) =>
              r.type !== "rctl" || (!seen.has(r.props.name ?? "") && seen.add(r.props.name ?? "")),
          );
          const h = SimHost.empty({ flavour }).withZone({ name: "z", ...z, resources });
          const info = h.run({ file: "zonecfg", args: ["-z", "z", "info"] });
          const exported = h.run({ file: "zonecfg", args: ["-z", "z", "export"] });
          expect([info.exitCode, exported.exitCode]).toEqual([0, 0]);
          expect(parseZonecfgInfo(info.stdout)).toEqual(parseZonecfgExport(exported.stdout, "z"));
        }),
        { numRuns: 300 },
      );
    });
  }
});
