import fc from "fast-check";
import type {
  Config,
  Pool,
  Publisher,
  Template,
  TemplateNet,
  Zone,
  ZoneNet,
  ZoneStatus,
} from "../src/types.js";

/** Any text KDL can hold: full Unicode without lone surrogates. */
export const text = fc
  .string({ unit: "binary", maxLength: 12 })
  .filter((s) => !/[\uD800-\uDFFF]/u.test(s));
export const nonEmpty = text.filter((s) => s.length > 0);
/** Absolute paths: no NUL. */
const path = text.filter((s) => !s.includes("\0")).map((s) => `/${s}`);
export const entityName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/);
const v4 = fc.ipV4();
const v6 = fc.ipV6();
const addr = fc.oneof(v4, v6);
const cidr = fc.oneof(
  fc.tuple(v4, fc.integer({ min: 0, max: 32 })).map(([a, p]) => `${a}/${p}`),
  fc.tuple(v6, fc.integer({ min: 0, max: 128 })).map(([a, p]) => `${a}/${p}`),
);
const date = fc.date({
  min: new Date("1971-01-01"),
  max: new Date("9999-01-01"),
  noInvalidDate: true,
});
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Drop keys whose value is undefined (exactOptionalPropertyTypes). */
function clean<R>(o: object): R {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as R;
}

export const config: fc.Arbitrary<Config> = fc.record({
  zonepathPrefix: path,
  defaultTemplate: entityName,
  commandPrefix: fc.array(nonEmpty, { maxLength: 3 }),
  zonesDir: fc.oneof(
    fc.constant("/etc/zones"),
    path.filter((p) => !p.split("/").includes("..")),
  ),
});

export const template: fc.Arbitrary<Template> = fc
  .record({
    name: entityName,
    brand: nonEmpty.filter((b) => b !== "bhyve" && b !== "kvm"),
    autoboot: fc.boolean(),
    ipType: fc.constantFrom("exclusive" as const, "shared" as const),
    nets: fc.uniqueArray(
      fc
        .record({
          name: nonEmpty,
          pools: fc.array(entityName, { minLength: 1, maxLength: 3 }),
          vnic: opt(nonEmpty),
        })
        .map((o) => clean<TemplateNet>(o)),
      { selector: (n) => n.name, maxLength: 3 },
    ),
    publishers: fc.array(entityName, { maxLength: 3 }),
    cappedMemory: opt(
      fc.tuple(fc.nat(4096), fc.constantFrom("", "K", "M", "G", "T")).map(([n, u]) => `${n}${u}`),
    ),
    cpuShares: opt(fc.integer({ min: 1, max: 65535 })),
    fs: fc.array(fc.record({ dir: path, special: text, readonly: fc.boolean() }), {
      maxLength: 2,
    }),
    datasets: fc.array(nonEmpty, { maxLength: 2 }),
    attrs: fc.array(fc.record({ name: text, value: text }), { maxLength: 2 }),
    installArgs: fc.array(text, { maxLength: 3 }),
  })
  .map((o) => clean<Template>(o));

export const pool: fc.Arbitrary<Pool> = fc
  .record({
    name: entityName,
    network: cidr,
    gateway: opt(addr),
    stub: nonEmpty,
    mode: fc.oneof(
      fc.record({ kind: fc.constant("range" as const), start: addr, end: addr }),
      fc.record({
        kind: fc.constant("list" as const),
        addresses: fc.array(addr, { maxLength: 4 }),
      }),
    ),
    reserve: fc.array(addr, { maxLength: 3 }),
  })
  .map((o) => clean<Pool>(o));

const zoneNet: fc.Arbitrary<ZoneNet> = fc
  .record({
    name: nonEmpty,
    addresses: fc.array(cidr, { maxLength: 3 }),
    gateways: fc.array(addr, { maxLength: 2 }),
    vnic: opt(nonEmpty),
    stub: opt(nonEmpty),
    pools: fc.array(entityName, { maxLength: 2 }),
  })
  .map((o) => clean<ZoneNet>(o));

const status: fc.Arbitrary<ZoneStatus> = fc
  .record({
    state: fc.constantFrom("creating" as const, "failed" as const),
    pid: opt(fc.integer({ min: 1, max: 2 ** 31 })),
    host: opt(text),
    started: opt(date.map((d) => d.toISOString())),
    reason: opt(text),
  })
  .map((o) => clean<ZoneStatus>(o));

export const zone: fc.Arbitrary<Zone> = fc
  .record({
    name: nonEmpty,
    template: opt(entityName),
    nets: fc.uniqueArray(zoneNet, { selector: (n) => n.name, maxLength: 3 }),
    created: opt(date.map((d) => d.toISOString().slice(0, 10))),
    status: opt(status),
  })
  .map((o) => clean<Zone>(o));

export const publisher: fc.Arbitrary<Publisher> = fc.record({
  name: entityName,
  origin: fc.webUrl({ validSchemes: ["http", "https"] }),
});
