import { LINKS_SWITCH10, LX_VERBOSE, VNIC0 } from "./captures.js";
import type { SampleGroup } from "./types.js";

// Human tables: `zoneadm list -cv` and dladm show-link/show-vnic/show-phys ("--" means empty;
// "?" is what libofmt prints when a field cannot be read, kept as is).

/** One show-link row: link, class, mtu, state, over ("" for "--"). */
export const link = (l: string, c: string, mtu: string, state: string, over: string) => ({
  link: l,
  class: c,
  mtu,
  state,
  over,
});

export const TABLES: SampleGroup = {
  "peer-captures/omniosorg-docs/zoneadm-list-cv-lx.txt": {
    kind: "zoneadm-list-v",
    zones: LX_VERBOSE,
  },
  "peer-captures/solaris11-cookbook/zoneadm-list-cv-solaris11.txt": {
    kind: "zoneadm-list-v",
    zones: [
      // line 2: " 0 global         running    /                        solaris  shared"
      {
        id: 0,
        name: "global",
        state: "running",
        zonepath: "/",
        brand: "solaris",
        ipType: "shared",
      },
      // line 3: " - zone1          configured /myzones/zone1           solaris  excl  "
      {
        name: "zone1",
        state: "configured",
        zonepath: "/myzones/zone1",
        brand: "solaris",
        ipType: "exclusive",
      },
      // line 4: " - zone2          configured /myzones/zone2           solaris  excl  "
      {
        name: "zone2",
        state: "configured",
        zonepath: "/myzones/zone2",
        brand: "solaris",
        ipType: "exclusive",
      },
    ],
  },
  "peer-captures/solaris11-lab/zoneadm-list-cv-kz.txt": {
    kind: "zoneadm-list-v",
    zones: [
      // line 2: "   0 global           running     /                            solaris    shared"
      {
        id: 0,
        name: "global",
        state: "running",
        zonepath: "/",
        brand: "solaris",
        ipType: "shared",
      },
      // line 3: "   - zone1            configured  /system/zones/zone1          solaris    excl"
      {
        name: "zone1",
        state: "configured",
        zonepath: "/system/zones/zone1",
        brand: "solaris",
        ipType: "exclusive",
      },
      // line 4: "   - kzone1           configured  -                            solaris-kz excl" (PATH "-": no zonepath)
      { name: "kzone1", state: "configured", brand: "solaris-kz", ipType: "exclusive" },
    ],
  },
  "peer-captures/solaris114-blog/zoneadm-list-cv-gz-unindented.txt": {
    kind: "zoneadm-list-v",
    zones: [
      // line 2: "0 global           running     /                            solaris    shared"
      {
        id: 0,
        name: "global",
        state: "running",
        zonepath: "/",
        brand: "solaris",
        ipType: "shared",
      },
    ],
  },
  "peer-captures/solaris114-blog/zoneadm-list-cv-incomplete.txt": {
    kind: "zoneadm-list-v",
    zones: [
      // line 2: "   0 global           running     /                            solaris    shared"
      {
        id: 0,
        name: "global",
        state: "running",
        zonepath: "/",
        brand: "solaris",
        ipType: "shared",
      },
      // line 3: "   - web              incomplete  /zones/web                   solaris    excl"
      {
        name: "web",
        state: "incomplete",
        zonepath: "/zones/web",
        brand: "solaris",
        ipType: "exclusive",
      },
    ],
  },
  "peer-captures/omniosorg-docs/dladm-show-link-human.txt": {
    kind: "dladm-table",
    rows: LINKS_SWITCH10,
  },
  "peer-captures/omniosorg-docs/dladm-show-vnic-human.txt": { kind: "dladm-table", rows: VNIC0 },
  "peer-captures/smartos-issues/dladm-show-link-in-zone.txt": {
    kind: "dladm-table",
    rows: [link("net0", "vnic", "1500", "up", "?")], // line 2: "net0        vnic      1500   up       --         ?"
  },
  "peer-captures/solaris11-cookbook/dladm-show-link-human-solaris11.txt": {
    kind: "dladm-table",
    // Solaris 11: no BRIDGE column (header line 1: "LINK CLASS MTU STATE OVER").
    rows: [
      link("net1", "phys", "1500", "up", ""), // line 2: "net1                phys      1500   up       --"
      link("net0", "phys", "1500", "up", ""), // line 3
      link("vswitch1", "etherstub", "9000", "unknown", ""), // line 4: "vswitch1            etherstub 9000   unknown  --"
      link("vnic0", "vnic", "9000", "up", "vswitch1"), // line 5
      link("vnic1", "vnic", "9000", "up", "vswitch1"), // line 6
      link("zone1/vnic1", "vnic", "9000", "up", "vswitch1"), // line 7: "zone1/vnic1         vnic      9000   up       vswitch1"
      link("vnic2", "vnic", "9000", "up", "vswitch1"), // line 8
      link("zone2/vnic2", "vnic", "9000", "up", "vswitch1"), // line 9
      link("zone1/net0", "vnic", "1500", "up", "net0"), // line 10: "zone1/net0          vnic      1500   up       net0"
      link("zone2/net0", "vnic", "1500", "up", "net0"), // line 11
    ],
  },
  "peer-captures/solaris11-cookbook/dladm-show-vnic-human-zoneprefixed.txt": {
    kind: "dladm-table",
    rows: [
      // line 2: "vnic0         vswitch1    40000  2:8:20:d:b:3b     rand           0"
      {
        link: "vnic0",
        over: "vswitch1",
        speed: "40000",
        macaddress: "2:8:20:d:b:3b",
        macaddrtype: "rand",
        vid: "0",
      },
      // line 3: "vnic1         vswitch1    40000  2:8:20:ef:b6:63   random         0"
      {
        link: "vnic1",
        over: "vswitch1",
        speed: "40000",
        macaddress: "2:8:20:ef:b6:63",
        macaddrtype: "random",
        vid: "0",
      },
      // line 4: "zone1/vnic1   vswitch1    40000  2:8:20:ef:b6:63   random         0"
      {
        link: "zone1/vnic1",
        over: "vswitch1",
        speed: "40000",
        macaddress: "2:8:20:ef:b6:63",
        vid: "0",
      },
      // line 5: "vnic2         vswitch1    40000  2:8:20:ce:b0:da   random         0"
      { link: "vnic2", over: "vswitch1", speed: "40000", macaddress: "2:8:20:ce:b0:da", vid: "0" },
      // line 6: "zone2/vnic2   vswitch1    40000  2:8:20:ce:b0:da   random         0"
      {
        link: "zone2/vnic2",
        over: "vswitch1",
        speed: "40000",
        macaddress: "2:8:20:ce:b0:da",
        vid: "0",
      },
      // line 7: "zone1/net0    net0        1000   2:8:20:ac:7d:b1   random         0"
      { link: "zone1/net0", over: "net0", speed: "1000", macaddress: "2:8:20:ac:7d:b1", vid: "0" },
      // line 8: "zone2/net0    net0        1000   2:8:20:f3:29:68   random         0"
      { link: "zone2/net0", over: "net0", speed: "1000", macaddress: "2:8:20:f3:29:68", vid: "0" },
    ],
  },
  "peer-captures/misc-tests/dladm-show-vnic-p-link-over-vid.txt": {
    kind: "dladm-parsable",
    fields: ["link", "over", "vid"], // the command: `dladm show-vnic -p -o link,over,vid mvnic1`
    rows: [{ link: "mvnic1", over: "e1000g0", vid: "33" }], // line 1: "mvnic1:e1000g0:33"
  },
};
