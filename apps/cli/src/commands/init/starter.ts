import type { DocKind, DocValueMap, Template } from "@zmgr/kdl-schema";

type StarterDoc = { [K in DocKind]: { kind: K; name: string; value: DocValueMap[K] } }[DocKind];

function template(name: string, brand: string, autoboot: boolean, nets: string[]): Template {
  return {
    name,
    brand,
    autoboot,
    ipType: "exclusive",
    nets: nets.map((n) => ({ name: n, pools: [n] })),
    publishers: ["openindiana.org"],
    fs: [],
    datasets: [],
    attrs: [],
    installArgs: [],
  };
}

/** The documents `zmgr init` writes (SPEC §2). */
export const STARTER: StarterDoc[] = [
  {
    kind: "config",
    name: "config",
    value: {
      zonepathPrefix: "/zones",
      defaultTemplate: "oi",
      commandPrefix: [],
      zonesDir: "/etc/zones",
    },
  },
  { kind: "template", name: "oi", value: template("oi", "ipkg", false, ["internal"]) },
  { kind: "template", name: "ofl", value: template("ofl", "nlipkg", false, ["internal"]) },
  {
    kind: "template",
    name: "router",
    value: template("router", "ipkg", true, ["internal", "public"]),
  },
  {
    kind: "pool",
    name: "internal",
    value: {
      name: "internal",
      network: "10.1.0.0/24",
      gateway: "10.1.0.1",
      stub: "oinetint0",
      mode: { kind: "range", start: "10.1.0.10", end: "10.1.0.250" },
      reserve: [],
    },
  },
  {
    kind: "pool",
    name: "public",
    value: {
      name: "public",
      network: "203.0.113.0/24",
      gateway: "203.0.113.1",
      stub: "pubstub0",
      mode: { kind: "list", addresses: ["203.0.113.10", "203.0.113.11", "203.0.113.12"] },
      reserve: [],
    },
  },
  {
    kind: "publisher",
    name: "openindiana.org",
    value: { name: "openindiana.org", origin: "https://pkg.openindiana.org/hipster" },
  },
];
