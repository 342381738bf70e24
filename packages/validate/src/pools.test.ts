import { describe, expect, it } from "vitest";
import { cleanHost } from "../test/host.js";
import {
  CLEAN,
  cleanWith,
  net,
  snapshotOf,
  validateFiles,
  where,
  withCode,
} from "../test/registry.js";
import { poolSpecOf, validateEdits, validateProposedZone } from "./index.js";

const zone = (name: string, address: string, pool: string) =>
  `zone "${name}" {\n  template "oi"\n  net "internal" { address "${address}"; vnic "${name}_0"; pool "${pool}"; }\n}\n`;

describe("pool sanity (ipam validatePool)", () => {
  it("refuses a gateway outside the network, at the gateway value", async () => {
    const diags = await validateFiles(
      cleanWith({
        "pools/internal.kdl": `pool "internal" {\n  network "10.1.0.0/24"\n  gateway "10.2.0.1"\n  stub "oinetint0"\n  range-start "10.1.0.10"\n  range-end "10.1.0.250"\n}\n`,
      }),
    );
    const [d, ...rest] = withCode(diags, "zmgr::pool::gateway_outside_network");
    expect(rest).toEqual([]);
    expect(d?.severity).toBe("error");
    expect(d?.message).toContain('pool "internal"');
    expect(where(d)).toBe("pools/internal.kdl:3:11");
  });

  it("refuses a range whose start is after its end", async () => {
    const diags = await validateFiles(
      cleanWith({
        "pools/internal.kdl": `pool "internal" {\n  network "10.1.0.0/24"\n  stub "oinetint0"\n  range-start "10.1.0.250"\n  range-end "10.1.0.10"\n}\n`,
      }),
    );
    const [d] = withCode(diags, "zmgr::pool::start_after_end");
    expect(d?.file).toBe("pools/internal.kdl");
    expect(where(d)?.startsWith("pools/internal.kdl:")).toBe(true);
  });

  it("points a bad list address at its position in the list", async () => {
    const diags = await validateFiles(
      cleanWith({
        "pools/public.kdl": `pool "public" {\n  network "203.0.113.0/24"\n  stub "pubstub0"\n  addresses "203.0.113.10" "198.51.100.7"\n}\n`,
      }),
    );
    const [d] = diags.filter((x) => x.file === "pools/public.kdl" && x.severity === "error");
    expect(d?.path).toEqual(["pool", "addresses", "1"]);
    expect(where(d)).toBe("pools/public.kdl:4:28");
  });
});

describe("intersecting allocatable sets", () => {
  it("refuses two pools that could hand out the same address, naming one", async () => {
    const diags = await validateFiles(
      cleanWith({
        "pools/internal2.kdl": `pool "internal2" {\n  network "10.1.0.0/24"\n  stub "oinetint0"\n  range-start "10.1.0.200"\n  range-end "10.1.0.220"\n}\n`,
      }),
    );
    const [d, ...rest] = withCode(diags, "zmgr::pool::intersect");
    expect(rest).toEqual([]);
    expect(d?.message).toContain("10.1.0.200");
    expect(where(d)).toBe("pools/internal2.kdl:4:15");
  });

  it("accepts two list pools sharing a network but no address", async () => {
    const diags = await validateFiles(
      cleanWith({
        "pools/hoster.kdl": `pool "hoster" {\n  network "203.0.113.0/24"\n  stub "pubstub0"\n  addresses "203.0.113.30" "203.0.113.31"\n}\n`,
      }),
    );
    expect(diags).toEqual([]);
  });
});

describe("pool usage", () => {
  it("warns about a pool more than 90 % used", async () => {
    const diags = await validateFiles(
      cleanWith({
        "zones/web1.kdl": zone("web1", "203.0.113.11/24", "public"),
        "zones/web2.kdl": zone("web2", "203.0.113.20/24", "public"),
      }),
    );
    const [d, ...rest] = withCode(diags, "zmgr::pool::nearly_full");
    expect(rest).toEqual([]);
    expect(d?.severity).toBe("warning");
    expect(d?.message).toContain("3 of 3");
    expect(where(d)).toBe("pools/public.kdl:1:1");
  });

  it("is silent at two thirds", async () => {
    const diags = await validateFiles(
      cleanWith({ "zones/web1.kdl": zone("web1", "203.0.113.11/24", "public") }),
    );
    expect(withCode(diags, "zmgr::pool::nearly_full")).toEqual([]);
  });
});

describe("poolSpecOf", () => {
  it("maps range mode to range and list mode to addresses", () => {
    const base = { name: "p", network: "10.0.0.0/24", stub: "s0", reserve: ["10.0.0.5"] };
    expect(
      poolSpecOf({
        ...base,
        gateway: "10.0.0.1",
        mode: { kind: "range", start: "10.0.0.10", end: "10.0.0.20" },
      }),
    ).toEqual({
      name: "p",
      network: "10.0.0.0/24",
      gateway: "10.0.0.1",
      reserve: ["10.0.0.5"],
      range: { start: "10.0.0.10", end: "10.0.0.20" },
    });
    expect(poolSpecOf({ ...base, mode: { kind: "list", addresses: ["10.0.0.7"] } })).toEqual({
      name: "p",
      network: "10.0.0.0/24",
      reserve: ["10.0.0.5"],
      addresses: ["10.0.0.7"],
    });
  });
});

describe("one mistake, one error", () => {
  it("reports a network that is not a CIDR once, not again from ipam", async () => {
    const diags = await validateFiles(
      cleanWith({
        "pools/internal.kdl": `pool "internal" {\n  network "10.1.0.0/33"\n  stub "oinetint0"\n  range-start "10.1.0.10"\n  range-end "10.1.0.250"\n}\n`,
      }),
    );
    const errors = diags.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.file, d.path?.join(".")])).toEqual([
      ["pools/internal.kdl", "pool.network"],
    ]);
  });
});

const p8 = (stub: string) =>
  `pool "p8" {\n  network "10.8.0.0/24"\n  stub ${JSON.stringify(stub)}     // hand-edited\n  range-start "10.8.0.10"\n  range-end "10.8.0.20"\n}\n`;
const usesP8 = `template "t8" {\n  brand "ipkg"\n  net "lan" { pool "p8"; }\n  publisher "openindiana.org"\n}\n`;

describe("pool stub (dladm link-name rules)", () => {
  it.each([
    ["s0;touch /x", "only letters"],
    ["$(touch /x)0", "only letters"],
    ["lan", "end in a number"],
    ["0stub0", "start with a digit"],
    [`s${"x".repeat(30)}0`, "at most 31"],
  ])("refuses %j, at the stub value with its exact length", async (stub, why) => {
    const diags = await validateFiles(cleanWith({ "pools/p8.kdl": p8(stub) }));
    const [d, ...rest] = withCode(diags, "zmgr::pool::invalid_stub");
    expect(rest).toEqual([]);
    expect(d?.severity).toBe("error");
    expect(d?.message).toContain('pool "p8"');
    expect(d?.message).toContain(why);
    expect(d?.help).not.toContain(stub);
    expect(d?.path).toEqual(["pool", "stub"]);
    expect(where(d)).toBe("pools/p8.kdl:3:8");
    expect(d?.location?.length).toBe(JSON.stringify(stub).length);
  });

  it("accepts valid stubs (the clean registry has oinetint0, pubstub0)", async () => {
    const diags = await validateFiles(cleanWith({ "pools/p8.kdl": p8("p8stub0") }));
    expect(withCode(diags, "zmgr::pool::invalid_stub")).toEqual([]);
  });

  it("never suggests `dladm create-etherstub` with an invalid name, even when it is missing on the host", async () => {
    const files = cleanWith({ "pools/p8.kdl": p8("s0;touch /x"), "templates/t8.kdl": usesP8 });
    const diags = await validateFiles(files, { host: cleanHost() });
    expect(withCode(diags, "zmgr::pool::invalid_stub")).toHaveLength(1);
    const [missing] = withCode(diags, "zmgr::host::stub_missing");
    expect(missing?.help).toBeDefined();
    expect(missing?.help).not.toContain("touch");
    expect(missing?.help).not.toContain(";");
  });

  it("refuses a proposed zone drawing from a pool with an invalid stub", async () => {
    const snapshot = await snapshotOf(
      cleanWith({ "pools/p8.kdl": p8("s0;touch /x"), "templates/t8.kdl": usesP8 }),
    );
    const t8 = snapshot.templates.get("t8")!.parsed.value!;
    const proposed = {
      name: "web8",
      nets: [net("lan", ["10.8.0.10/24"], { vnic: "web8_0", pools: ["p8"] })],
    };
    const diags = validateProposedZone(snapshot, proposed, t8);
    expect(diags.map((d) => [d.code, d.file, d.path?.join(".")])).toEqual([
      ["zmgr::pool::invalid_stub", "pools/p8.kdl", "pool.stub"],
    ]);
  });

  it("refuses an edit that gives a pool an invalid stub", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const internal = snapshot.pools.get("internal")!.parsed.value!;
    const diags = validateEdits(snapshot, [
      { kind: "pool", value: { ...internal, stub: "s0;touch /x" } },
    ]);
    expect(diags.map((d) => d.code)).toContain("zmgr::pool::invalid_stub");
  });
});
