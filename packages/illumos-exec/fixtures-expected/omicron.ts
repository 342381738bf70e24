import { link } from "./tables.js";
import type { SampleGroup } from "./types.js";

// dladm tables of an Oxide (Helios) host, docs/networking.adoc of oxidecomputer/omicron: long
// link names overflow their columns; `misc` is OPTE's class; "?" is an OVER libofmt could not read.

/** One show-vnic row of the omicron underlay table: every VNIC over underlay_stub0, speed 0, vid 0. */
const underlay = (l: string, mac: string) => ({
  link: l,
  over: "underlay_stub0",
  speed: "0",
  macaddress: mac,
  macaddrtype: "random",
  vid: "0",
});

export const OMICRON: SampleGroup = {
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
};
