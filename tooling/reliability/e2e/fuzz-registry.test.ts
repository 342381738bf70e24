// Hostile registry files, in-process for speed: 10,000 generated and mutated KDL documents through
// the registry loader, validateSnapshot, locations and both renderers. Zero unhandled exceptions:
// every problem is a Diagnostic (or a ZmgrError).
import { isZmgrError } from "@zmgr/errors";
import { type DocKind, printDocument } from "@zmgr/kdl-schema";
import { loadSnapshot, type Storage } from "@zmgr/registry";
import { renderHuman, renderJson, validateSnapshot, withLocations } from "@zmgr/validate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOSTILE } from "./hostile.js";
import { testSeed } from "./seed.js";

const TOTAL_FILES = 10_000;
const FILES_PER_REGISTRY = 5;

/** Good documents to mutate: every kind, KDL v2 and v1, the original tool's flat zone form. */
const SEEDS: { kind: DocKind; name: string; text: string }[] = [
  {
    kind: "config",
    name: "config",
    text: 'zonepath-prefix "/zones"\ndefault-template "oi"\ncommand-prefix "pfexec"\n',
  },
  {
    kind: "template",
    name: "router",
    text: [
      'template "router" {',
      '  brand "ipkg"',
      "  autoboot #true",
      '  ip-type "exclusive"',
      '  net "internal" { pool "internal"; }',
      '  net "public" { pool "public" "public-v6"; vnic "{zone}pub{index}"; }',
      '  publisher "openindiana.org"',
      '  capped-memory "2G"',
      "  cpu-shares 20",
      '  fs "/export/data" "/data" readonly=#true',
      '  dataset "tank/router"',
      '  attr "resolvers" "9.9.9.9,149.112.112.112"',
      '  install-args "-e" "ooce/editor/vim"',
      "}",
    ].join("\n"),
  },
  {
    kind: "template",
    name: "legacy",
    text: 'template "legacy" {\n  brand "ipkg"\n  autoboot true\n  pool "internal"\n}\n',
  },
  {
    kind: "pool",
    name: "internal",
    text: printDocument("pool", {
      name: "internal",
      network: "10.1.0.0/24",
      gateway: "10.1.0.1",
      stub: "oinetint0",
      mode: { kind: "range", start: "10.1.0.10", end: "10.1.0.250" },
      reserve: ["10.1.0.53"],
    }),
  },
  {
    kind: "pool",
    name: "public",
    text: 'pool "public" {\n  network "203.0.113.0/24"\n  gateway "203.0.113.1"\n  stub "pubstub0"\n  addresses { - "203.0.113.10"; - "203.0.113.11"; }\n}\n',
  },
  {
    kind: "pool",
    name: "public-v6",
    text: 'pool "public-v6" {\n  network "2001:db8:1::/64"\n  gateway "fe80::1"\n  stub "pubstub0"\n  range-start "2001:db8:1::10"\n  range-end "2001:db8:1::ffff"\n}\n',
  },
  {
    kind: "zone",
    name: "router1",
    text: [
      'zone "router1" {',
      '  template "router"',
      '  net "internal" { address "10.1.0.11/24"; gateway "10.1.0.1"; vnic "router10"; stub "oinetint0"; pool "internal"; }',
      '  net "public" { address "203.0.113.10/24" "2001:db8:1::10/64"; gateway "203.0.113.1" "fe80::1"; vnic "router1pub1"; stub "pubstub0"; pool "public" "public-v6"; }',
      '  created "2026-03-22"',
      '  status "creating" pid=4242 host="simhost" started="2026-03-22T10:00:00Z"',
      "}",
    ].join("\n"),
  },
  {
    kind: "zone",
    name: "myzone",
    text: 'zone "myzone" { template "oi"; address "10.1.0.10/24"; gateway "10.1.0.1"; vnic "myzone0"; stub "oinetint0"; created "2026-03-22"; }\n',
  },
  {
    kind: "publisher",
    name: "openindiana.org",
    text: 'publisher "openindiana.org" {\n  origin "https://pkg.openindiana.org/hipster"\n}\n',
  },
];

const KINDS: DocKind[] = ["config", "template", "pool", "zone", "publisher"];

/** A token worth splicing into KDL: syntax, hostile values, numbers, keywords, raw strings. */
const token = fc.oneof(
  fc.constantFrom(
    "{",
    "}",
    ";",
    '"',
    "\\",
    "\n",
    "=",
    "#true",
    "#false",
    "#null",
    "true",
    "/-",
    "//",
    "/*",
    "*/",
    'r"',
    '#"',
    '"""',
    "-",
    "0x",
    "1e999",
    "-0",
    "\u0000",
    "\uFEFF",
    "\uD800",
    "net",
    "pool",
    "address",
    "status",
    "range-start",
    "addresses",
    "10.1.0.300/24",
    "::ffff:10.1.0.1",
    "fe80::1%net0",
    "2001:db8::/129",
  ),
  fc.constantFrom(...HOSTILE).map((h) => JSON.stringify(h)),
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
);

type Edit =
  | { op: "insert"; at: number; text: string }
  | { op: "delete"; at: number; len: number }
  | { op: "replace"; at: number; len: number; text: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), text: token }),
  fc.record({
    op: fc.constant("delete" as const),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    op: fc.constant("replace" as const),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 12 }),
    text: token,
  }),
);

function apply(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  if (e.op === "insert") return text.slice(0, at) + e.text + text.slice(at);
  if (e.op === "delete") return text.slice(0, at) + text.slice(at + e.len);
  return text.slice(0, at) + e.text + text.slice(at + e.len);
}

/** One registry file: a mutated seed, a random document, or a seed filed under another kind/name. */
const file = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({ seed: fc.constantFrom(...SEEDS), edits: fc.array(edit, { maxLength: 6 }) })
      .map(({ seed, edits }) => ({
        kind: seed.kind,
        name: seed.name,
        text: edits.reduce(apply, seed.text),
      })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom(...KINDS),
      name: fc.oneof(
        fc.constantFrom("x", "X", "web.1", "a..b", "-x", "ünï", "a b", "$(id)"),
        fc.string({ minLength: 1, maxLength: 8 }),
      ),
      text: fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        seed: fc.constantFrom(...SEEDS),
        kind: fc.constantFrom(...KINDS),
        name: fc.constantFrom("internal", "INTERNAL", "router1", "Router1", "other", "oi"),
      })
      .map(({ seed, kind, name }) => ({ kind, name, text: seed.text })),
  },
);

/** Just enough Storage for the loader: documents in memory. */
function memoryStorage(files: { kind: DocKind; name: string; text: string }[]): Storage {
  const docs = new Map<string, { text: string; version: string }>();
  for (const f of files) {
    const name = f.kind === "config" ? "config" : f.name;
    docs.set(`${f.kind}/${name}`, { text: f.text, version: String(docs.size) });
  }
  const refuse = () => Promise.reject(new Error("read-only test storage"));
  return {
    list: async (kind) =>
      [...docs.keys()].filter((k) => k.startsWith(`${kind}/`)).map((k) => k.slice(kind.length + 1)),
    read: async (kind, name) => docs.get(`${kind}/${name}`),
    write: refuse,
    remove: refuse,
    commit: refuse,
    usedAddresses: refuse,
    lock: refuse,
  };
}

describe("hostile registry files (in-process)", () => {
  it(`${TOTAL_FILES} fuzzed files: load + validate + render never throw`, async () => {
    const { seed } = testSeed(); // printed on failure, also for the post-run checks
    let files = 0;
    let withErrors = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(file, { minLength: FILES_PER_REGISTRY, maxLength: FILES_PER_REGISTRY }),
        async (docs) => {
          files += docs.length;
          try {
            const snapshot = await loadSnapshot(memoryStorage(docs), "/fuzz");
            const diags = withLocations(
              snapshot,
              validateSnapshot(snapshot, { hostname: "simhost", isAlive: () => false }),
            );
            for (const d of diags) {
              expect(d.code).toMatch(/^zmgr::[a-z0-9_-]+::[a-z0-9_-]+$/);
              expect(["error", "warning", "info"]).toContain(d.severity);
              expect(typeof d.message).toBe("string");
            }
            if (diags.some((d) => d.severity === "error")) withErrors++;
            renderHuman(diags, snapshot, { color: false });
            JSON.stringify(renderJson(diags));
          } catch (e) {
            if (isZmgrError(e)) return; // a clean, coded error is acceptable
            throw e;
          }
        },
      ),
      { numRuns: TOTAL_FILES / FILES_PER_REGISTRY, seed },
    );
    expect(files).toBeGreaterThanOrEqual(TOTAL_FILES);
    // Not vacuous: most generated registries are broken in some way the validator names.
    expect(withErrors).toBeGreaterThan(TOTAL_FILES / FILES_PER_REGISTRY / 2);
  }, 600_000);
});
