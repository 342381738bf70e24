import type { Template } from "@zmgr/kdl-schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chooseTemplate, lineUp, netNames } from "./template-match.js";

function template(
  name: string,
  brand: string,
  nets: Record<string, string[]>,
  ipType: Template["ipType"] = "exclusive",
): Template {
  return {
    name,
    brand,
    autoboot: false,
    ipType,
    nets: Object.entries(nets).map(([n, pools]) => ({ name: n, pools })),
    publishers: [],
    fs: [],
    datasets: [],
    attrs: [],
    installArgs: [],
  };
}

const oi = template("oi", "ipkg", { internal: ["internal"] });
const router = template("router", "ipkg", {
  internal: ["internal"],
  public: ["public", "public-v6"],
});
const lx = template("lxweb", "lx", { net0: ["internal"] });

describe("chooseTemplate", () => {
  it("prefers the two-net template whose pools hold both nets over the one-net default", () => {
    const zone = {
      brand: "ipkg",
      ipType: "exclusive" as const,
      nets: [{ pools: ["internal"] }, { pools: ["public", "public-v6"] }],
    };
    expect(chooseTemplate(zone, [oi, router, lx], "oi")?.template.name).toBe("router");
  });

  it("gives a tie to the default template, then to the first name", () => {
    const zone = { brand: "ipkg", ipType: "exclusive" as const, nets: [{ pools: [undefined] }] };
    const a = template("a", "ipkg", { n: ["x"] });
    const z = template("z", "ipkg", { n: ["y"] });
    expect(chooseTemplate(zone, [z, a], "z")?.template.name).toBe("z");
    expect(chooseTemplate(zone, [z, a], "oi")?.template.name).toBe("a");
  });

  it("only considers templates of the zone's brand", () => {
    const zone = { brand: "sparse", ipType: "exclusive" as const, nets: [{ pools: ["internal"] }] };
    expect(chooseTemplate(zone, [oi, router, lx], "oi")).toBeUndefined();
    expect(chooseTemplate({ ...zone, brand: "lx" }, [oi, router, lx], "oi")?.template.name).toBe(
      "lxweb",
    );
  });

  it("prefers a template of the zone's ip-type when both cover its addresses", () => {
    const shared = template("shared", "ipkg", { internal: ["internal"] }, "shared");
    const zone = { brand: "ipkg", ipType: "shared" as const, nets: [{ pools: ["internal"] }] };
    expect(chooseTemplate(zone, [oi, shared], "oi")?.template.name).toBe("shared");
  });

  it("prefers the template with as many nets as the zone when coverage ties", () => {
    const zone = { brand: "ipkg", ipType: "exclusive" as const, nets: [{ pools: ["internal"] }] };
    expect(chooseTemplate(zone, [router, oi], "router")?.template.name).toBe("oi");
  });
});

describe("lineUp", () => {
  it("pairs each zone net with a template net holding its pools, exact sets first", () => {
    const zone = {
      brand: "ipkg",
      ipType: "exclusive" as const,
      nets: [{ pools: ["public"] }, { pools: ["internal"] }],
    };
    const choice = lineUp(zone, router);
    expect(choice.linedUp.map((n) => n?.name)).toEqual(["public", "internal"]);
    expect(choice.covered).toBe(2);
  });

  it("pairs a net by the pools its addresses matched, ignoring addresses in no pool", () => {
    const zone = {
      brand: "ipkg",
      ipType: "exclusive" as const,
      nets: [{ pools: ["internal", undefined] }, { pools: [undefined] }],
    };
    expect(lineUp(zone, router).linedUp.map((n) => n?.name)).toEqual(["internal", undefined]);
  });
});

describe("netNames", () => {
  it("uses template net names and numbers the rest without reusing a name", () => {
    expect(netNames([{ name: "net1", pools: [] }, undefined, undefined])).toEqual([
      "net1",
      "net2",
      "net3",
    ]);
    expect(netNames([undefined, { name: "internal", pools: [] }])).toEqual(["net0", "internal"]);
  });
});

describe("chooseTemplate properties", () => {
  const pool = fc.constantFrom("internal", "public", "public-v6", "dmz");
  const arbTemplate = fc.record({
    brand: fc.constantFrom("ipkg", "lipkg", "lx"),
    ipType: fc.constantFrom("exclusive" as const, "shared" as const),
    nets: fc.array(fc.array(pool, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
  });
  const arbTemplates = fc
    .uniqueArray(fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), arbTemplate), {
      selector: ([n]) => n,
      maxLength: 6,
    })
    .map((list) =>
      list.map(([name, t]) =>
        template(name, t.brand, Object.fromEntries(t.nets.map((p, i) => [`n${i}`, p])), t.ipType),
      ),
    );
  const arbZone = fc.record({
    brand: fc.constantFrom("ipkg", "lipkg", "lx"),
    ipType: fc.constantFrom("exclusive" as const, "shared" as const),
    nets: fc.array(
      fc.record({ pools: fc.array(fc.option(pool, { nil: undefined }), { maxLength: 2 }) }),
      { maxLength: 3 },
    ),
  });

  it("picks a template of the zone's brand covering the most addresses, whatever the order", () => {
    fc.assert(
      fc.property(arbZone, arbTemplates, fc.boolean(), (zone, templates, pickDefault) => {
        const def = pickDefault ? (templates[0]?.name ?? "oi") : "oi";
        const choice = chooseTemplate(zone, templates, def);
        const sameBrand = templates.filter((t) => t.brand === zone.brand);
        if (sameBrand.length === 0) {
          expect(choice).toBeUndefined();
          return;
        }
        expect(choice?.template.brand).toBe(zone.brand);
        const best = Math.max(...sameBrand.map((t) => lineUp(zone, t).covered));
        expect(choice?.covered).toBe(best);
        expect(chooseTemplate(zone, [...templates].reverse(), def)?.template.name).toBe(
          choice?.template.name,
        );
      }),
    );
  });
});
