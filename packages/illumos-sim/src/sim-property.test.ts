import { parseDladmParsable, parseZoneadmList } from "@zmgr/illumos-exec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SimHost } from "./sim-host.js";
import { inKernel } from "./sim-model.js";
import { ofmtParsable } from "./sim-ofmt.js";

const run = (h: SimHost, file: string, args: string[], stdin?: string) =>
  h.run(stdin === undefined ? { file, args } : { file, args, stdin });

const octet = fc.integer({ min: 1, max: 254 });
const v4 = fc
  .tuple(octet, octet, fc.integer({ min: 8, max: 30 }))
  .map(([a, b, p]) => `10.${a}.${b}.5/${p}`);
const v6 = fc
  .tuple(fc.integer({ min: 1, max: 0xffff }), fc.integer({ min: 48, max: 128 }))
  .map(([x, p]) => `2001:db8:${x.toString(16)}::5/${p}`);
const linkName = fc
  .tuple(fc.constantFrom("web", "db", "a_b", "x.y"), fc.integer({ min: 0, max: 99 }))
  .map(([s, n]) => `${s}${n}`);
const net = fc.record({
  physical: linkName,
  allowed: fc.oneof(v4, v6),
  router: fc.option(fc.constantFrom("10.0.0.1", "fe80::1"), { nil: undefined }),
});

describe("simulator properties", () => {
  it("zonecfg export, replayed with -f into another zone, gives the same info", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(net, {
          minLength: 1,
          maxLength: 5,
          selector: (n) => `${n.physical} ${n.allowed}`,
        }),
        fc.boolean(),
        (nets, autoboot) => {
          const h = SimHost.fresh();
          const lines = [
            "create -b",
            "set zonepath=/zones/a",
            `set autoboot=${autoboot}`,
            "set ip-type=exclusive",
          ];
          for (const n of nets) {
            lines.push(
              "add net",
              `set physical="${n.physical}"`,
              `set allowed-address="${n.allowed}"`,
            );
            lines.push(
              `set defrouter="${n.router ?? (n.allowed.includes(":") ? "2001:db8::1" : "10.0.0.1")}"`,
              "end",
            );
          }
          const made = run(h, "zonecfg", ["-z", "a", "-f", "-"], `${lines.join("\n")}\ncommit\n`);
          expect(made).toEqual({ exitCode: 0, stdout: "", stderr: "" });
          const exported = run(h, "zonecfg", ["-z", "a", "export"]).stdout;
          expect(run(h, "zonecfg", ["-z", "b", "-f", "-"], exported).exitCode).toBe(0);
          const info = (z: string) =>
            run(h, "zonecfg", ["-z", z, "info"]).stdout.split("\n").slice(1).join("\n");
          expect(info("b")).toBe(info("a"));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("any sequence of zoneadm commands keeps the host consistent and `list -cp` parseable", () => {
    const cmd = fc.tuple(
      fc.constantFrom("z1", "z2", "z3"),
      fc.constantFrom(
        ["install"],
        ["boot"],
        ["halt"],
        ["ready"],
        ["reboot"],
        ["shutdown"],
        ["uninstall", "-F"],
        ["mark", "incomplete"],
      ),
    );
    fc.assert(
      fc.property(fc.array(cmd, { maxLength: 40 }), (cmds) => {
        const h = SimHost.fresh();
        for (const z of ["z1", "z2", "z3"])
          h.withZone({ name: z, state: "configured", ipType: "shared" });
        for (const [z, args] of cmds) {
          const r = run(h, "zoneadm", ["-z", z, ...args]);
          expect([0, 1]).toContain(r.exitCode);
          expect(r.stdout === "" || args[0] === "install").toBe(true);
        }
        const ids = h.state.zones.filter((z) => inKernel(z.state)).map((z) => z.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(h.state.zones.every((z) => inKernel(z.state) === (z.id !== undefined))).toBe(true);
        const parsed = parseZoneadmList(run(h, "zoneadm", ["list", "-cp"]).stdout);
        expect(
          parsed
            .map((e) => [e.name, e.state])
            .slice(1)
            .sort(),
        ).toEqual(h.state.zones.map((z) => [z.name, z.state]).sort());
      }),
      { numRuns: 100 },
    );
  });

  it("dladm parsable output with several fields parses back to the values", () => {
    const value = fc.string({ unit: fc.constantFrom("a", ":", "\\", "1", "-", " ") });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const text = ofmtParsable(3, rows);
          expect(parseDladmParsable(text, ["a", "b", "c"]).map((r) => [r.a, r.b, r.c])).toEqual(
            rows,
          );
        },
      ),
    );
  });
});
