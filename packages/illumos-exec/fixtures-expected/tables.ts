import { LINKS_SWITCH10, LX_VERBOSE, VNIC0 } from "./captures.js";
import type { SampleGroup } from "./types.js";

// Human tables: `zoneadm list -cv` and dladm show-link/show-vnic/show-phys ("--" means empty;
// "?" is what libofmt prints when a field cannot be read, kept as is).

/** One show-link row: link, class, mtu, state, over ("" for "--"). */
const link = (l: string, c: string, mtu: string, state: string, over: string) => ({
  link: l,
  class: c,
  mtu,
  state,
  over,
});

/** One show-vnic row of the omicron underlay table: every VNIC over underlay_stub0, speed 0, vid 0. */
const underlay = (l: string, mac: string) => ({
  link: l,
  over: "underlay_stub0",
  speed: "0",
  macaddress: mac,
  macaddrtype: "random",
  vid: "0",
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
        ipType: "excl",
      },
      // line 4: " - zone2          configured /myzones/zone2           solaris  excl  "
      {
        name: "zone2",
        state: "configured",
        zonepath: "/myzones/zone2",
        brand: "solaris",
        ipType: "excl",
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
        ipType: "excl",
      },
      // line 4: "   - kzone1           configured  -                            solaris-kz excl" (PATH "-": no zonepath)
      { name: "kzone1", state: "configured", brand: "solaris-kz", ipType: "excl" },
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
        ipType: "excl",
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
  "peer-captures/omicron/dladm-show-link-human-ngz-nexus.txt": {
    kind: "dladm-table",
    rows: [
      link("vopte0", "vnic", "1500", "up", "?"), // line 2: "vopte0      vnic      1500   up       --         ?"
      link("oxControlService12", "vnic", "9000", "up", "?"), // line 3: "oxControlService12 vnic 9000 up       --         ?"
    ],
  },
  "peer-captures/omicron/dladm-show-phys-human-gimlet.txt": {
    kind: "dladm-table",
    rows: [
      // line 2: "igb0         Ethernet             up         1000     full     igb0"
      {
        link: "igb0",
        media: "Ethernet",
        state: "up",
        speed: "1000",
        duplex: "full",
        device: "igb0",
      },
      // line 3: "tfpkt0       Ethernet             down       0        unknown  tfpkt0"
      {
        link: "tfpkt0",
        media: "Ethernet",
        state: "down",
        speed: "0",
        duplex: "unknown",
        device: "tfpkt0",
      },
      // line 4: "cxgbe0       Ethernet             down       0        unknown  cxgbe0"
      {
        link: "cxgbe0",
        media: "Ethernet",
        state: "down",
        speed: "0",
        duplex: "unknown",
        device: "cxgbe0",
      },
      // line 5: "cxgbe1       Ethernet             down       0        unknown  cxgbe1"
      {
        link: "cxgbe1",
        media: "Ethernet",
        state: "down",
        speed: "0",
        duplex: "unknown",
        device: "cxgbe1",
      },
    ],
  },
  "peer-captures/omicron/dladm-show-link-human-BRM44220005.txt": {
    kind: "dladm-table",
    rows: [
      link("tfpkt0", "phys", "1500", "down", ""), // line 2
      link("cxgbe0", "phys", "9000", "up", ""), // line 3
      link("cxgbe1", "phys", "9000", "up", ""), // line 4
      link("bootstrap_stub0", "etherstub", "9000", "up", ""), // line 5: "bootstrap_stub0 etherstub 9000 up     --         --"
      link("bootstrap0", "vnic", "1500", "up", "bootstrap_stub0"), // line 6
      link("underlay_stub0", "etherstub", "9000", "up", ""), // line 7: "underlay_stub0 etherstub 9000 up      --         --"
      link("underlay0", "vnic", "9000", "up", "underlay_stub0"), // line 8
      link("oxControlService0", "vnic", "9000", "up", "underlay_stub0"), // line 9: "oxControlService0 vnic 9000  up …"
      link("oxControlService1", "vnic", "9000", "up", "underlay_stub0"), // line 10
      link("oxControlService2", "vnic", "9000", "up", "underlay_stub0"), // line 11
      link("oxControlService3", "vnic", "9000", "up", "underlay_stub0"), // line 12
      link("oxControlService4", "vnic", "9000", "up", "underlay_stub0"), // line 13
      link("oxControlService5", "vnic", "9000", "up", "underlay_stub0"), // line 14
      link("oxControlService6", "vnic", "9000", "up", "underlay_stub0"), // line 15
      link("oxControlService7", "vnic", "9000", "up", "underlay_stub0"), // line 16
      link("oxControlService8", "vnic", "9000", "up", "underlay_stub0"), // line 17
      link("oxControlService9", "vnic", "9000", "up", "underlay_stub0"), // line 18
      link("oxControlService10", "vnic", "9000", "up", "underlay_stub0"), // line 19: "oxControlService10 vnic 9000 up …"
      link("oxControlService11", "vnic", "9000", "up", "underlay_stub0"), // line 20
      link("opte0", "misc", "1500", "up", ""), // line 21: "opte0       misc      1500   up       --         --"
      link("vopte0", "vnic", "1500", "up", "opte0"), // line 22
      link("oxControlService12", "vnic", "9000", "up", "underlay_stub0"), // line 23
      link("opte1", "misc", "1500", "up", ""), // line 24
      link("vopte1", "vnic", "1500", "up", "opte1"), // line 25
      link("oxControlInstance0", "vnic", "9000", "up", "underlay_stub0"), // line 26
      link("opte2", "misc", "1500", "up", ""), // line 27
      link("vopte2", "vnic", "1500", "up", "opte2"), // line 28
      link("oxControlInstance1", "vnic", "9000", "up", "underlay_stub0"), // line 29
      link("opte3", "misc", "1500", "up", ""), // line 30
      link("vopte3", "vnic", "1500", "up", "opte3"), // line 31
      link("oxControlInstance2", "vnic", "9000", "up", "underlay_stub0"), // line 32
      link("opte4", "misc", "1500", "up", ""), // line 33
      link("vopte4", "vnic", "1500", "up", "opte4"), // line 34
      link("oxControlInstance3", "vnic", "9000", "up", "underlay_stub0"), // line 35
      link("opte5", "misc", "1500", "up", ""), // line 36
      link("vopte5", "vnic", "1500", "up", "opte5"), // line 37
      link("oxControlInstance4", "vnic", "9000", "up", "underlay_stub0"), // line 38
      link("opte6", "misc", "1500", "up", ""), // line 39
      link("vopte6", "vnic", "1500", "up", "opte6"), // line 40
      link("oxControlInstance5", "vnic", "9000", "up", "underlay_stub0"), // line 41
      link("opte7", "misc", "1500", "up", ""), // line 42
      link("vopte7", "vnic", "1500", "up", "opte7"), // line 43
      link("oxControlInstance6", "vnic", "9000", "up", "underlay_stub0"), // line 44
      link("oxControlInstance7", "vnic", "9000", "up", "underlay_stub0"), // line 45
    ],
  },
  "peer-captures/omicron/dladm-show-vnic-human-underlay.txt": {
    kind: "dladm-table",
    rows: [
      underlay("underlay0", "2:8:20:be:31:b9"), // line 2: "underlay0    underlay_stub0 0      2:8:20:be:31:b9   random              0"
      underlay("oxControlService0", "2:8:20:b9:98:de"), // line 3
      underlay("oxControlService1", "2:8:20:15:28:cd"), // line 4
      underlay("oxControlService2", "2:8:20:24:51:16"), // line 5
      underlay("oxControlService3", "2:8:20:4f:f3:f8"), // line 6
      underlay("oxControlService4", "2:8:20:9f:86:5f"), // line 7
      underlay("oxControlService5", "2:8:20:e5:b6:b4"), // line 8
      underlay("oxControlService6", "2:8:20:49:46:94"), // line 9
      underlay("oxControlService7", "2:8:20:3a:ce:18"), // line 10
      underlay("oxControlService8", "2:8:20:89:fe:f0"), // line 11
      underlay("oxControlService9", "2:8:20:80:ea:e0"), // line 12
      underlay("oxControlService10", "2:8:20:e:25:56"), // line 13
      underlay("oxControlService11", "2:8:20:4f:3e:d5"), // line 14
      underlay("oxControlService12", "2:8:20:57:0:a9"), // line 15
      underlay("oxControlInstance0", "2:8:20:8:ad:5d"), // line 16
      underlay("oxControlInstance1", "2:8:20:c6:45:43"), // line 17
      underlay("oxControlInstance2", "2:8:20:5:1e:b3"), // line 18
      underlay("oxControlInstance3", "2:8:20:a3:a9:b7"), // line 19
      underlay("oxControlInstance4", "2:8:20:ec:25:f9"), // line 20
      underlay("oxControlInstance5", "2:8:20:8c:12:c2"), // line 21
      underlay("oxControlInstance6", "2:8:20:58:f2:54"), // line 22
      underlay("oxControlInstance7", "2:8:20:32:ba:8d"), // line 23
    ],
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
