import { OOZONE_LIST } from "./captures.js";
import type { SampleGroup } from "./types.js";

// `zoneadm list -p` samples of several projects. On Solaris 10 (7 fields) there is nothing after
// ip-type; OmniOS/SmartOS add an 8th debug-id field (digits, or empty); Solaris 11 puts its r/w
// flag 8th and more fields after it: those are kept raw as extraFields, never as a debug id.
export const ZONEADM_LISTS: SampleGroup = {
  "peer-captures/ansible-community-general/zoneadm-list-ip-solaris10.txt": {
    kind: "zoneadm-list-p",
    zones: [
      // line 1: "1:work:running:/zones/work:3126dc59-…:native:shared"
      {
        id: 1,
        name: "work",
        state: "running",
        zonepath: "/zones/work",
        brand: "native",
        ipType: "shared",
      },
    ],
  },
  "peer-captures/ansible-community-general/zoneadm-z-list-p-solaris10.txt": {
    kind: "zoneadm-list-p",
    zones: [
      // line 1: "-:cswbuild:installed:/zones/cswbuild:479f3c4b-…:native:shared"
      {
        name: "cswbuild",
        state: "installed",
        zonepath: "/zones/cswbuild",
        brand: "native",
        ipType: "shared",
      },
    ],
  },
  "peer-captures/facter/zoneadm-list-cp-solaris11.txt": {
    kind: "zoneadm-list-p",
    zones: [
      // line 1: "0:global:running:/::solaris:shared:-:none:"
      {
        id: 0,
        name: "global",
        state: "running",
        zonepath: "/",
        brand: "solaris",
        ipType: "shared",
        extraFields: ["-", "none", ""],
      },
    ],
  },
  "peer-captures/solaris11-misc/zoneadm-list-cp-facter-pr1329.txt": {
    kind: "zoneadm-list-p",
    zones: [
      // line 1: "0:global:running:/::solaris:shared:-:none"
      {
        id: 0,
        name: "global",
        state: "running",
        zonepath: "/",
        brand: "solaris",
        ipType: "shared",
        extraFields: ["-", "none"],
      },
      // line 2: "-:testzone:configured:/zones/testzone::solaris:excl:-:"
      {
        name: "testzone",
        state: "configured",
        zonepath: "/zones/testzone",
        brand: "solaris",
        ipType: "excl",
        extraFields: ["-", ""],
      },
    ],
  },
  "peer-captures/solaris11-misc/zoneadm-list-p-grouper3.txt": {
    kind: "zoneadm-list-p",
    zones: [
      // line 1: "1:grouper3:running:/zones/grouper3_pool/grouper3:40cc68e3-…:solaris:excl:-:none:"
      {
        id: 1,
        name: "grouper3",
        state: "running",
        zonepath: "/zones/grouper3_pool/grouper3",
        brand: "solaris",
        ipType: "excl",
        extraFields: ["-", "none", ""],
      },
    ],
  },
  "peer-captures/solaris11-misc/zoneadm-list-p-zweb1.txt": {
    kind: "zoneadm-list-p",
    zones: [
      // line 1: "-:zweb1-mig-shost2:installed:/system/zones/zweb1-mig-shost2:04e2735e-…:solaris:excl:-::"
      {
        name: "zweb1-mig-shost2",
        state: "installed",
        zonepath: "/system/zones/zweb1-mig-shost2",
        brand: "solaris",
        ipType: "excl",
        extraFields: ["-", "", ""],
      },
    ],
  },
  "peer-captures/mondoohq-mql/zoneadm-list-cp-nonglobal-s114.txt": {
    kind: "zoneadm-list-p",
    zones: [
      // line 1: "2:mqlzrun:running:/:995317db-…:solaris:excl:-:none::"
      {
        id: 2,
        name: "mqlzrun",
        state: "running",
        zonepath: "/",
        brand: "solaris",
        ipType: "excl",
        extraFields: ["-", "none", "", ""],
      },
    ],
  },
  "peer-captures/mondoohq-mql/zoneadm-list-cp-s114.txt": {
    kind: "zoneadm-list-p",
    zones: [
      // line 1: "0:global:running:/::solaris:shared:-:none::"
      {
        id: 0,
        name: "global",
        state: "running",
        zonepath: "/",
        brand: "solaris",
        ipType: "shared",
        extraFields: ["-", "none", "", ""],
      },
      // line 2: "2:mqlzrun:running:/system/zones/mqlzrun:995317db-…:solaris:excl:-:none::"
      {
        id: 2,
        name: "mqlzrun",
        state: "running",
        zonepath: "/system/zones/mqlzrun",
        brand: "solaris",
        ipType: "excl",
        extraFields: ["-", "none", "", ""],
      },
      // line 3: "-:mqlzexcl:configured:/system/zones/mqlzexcl::solaris:excl:-:fixed-configuration::"
      {
        name: "mqlzexcl",
        state: "configured",
        zonepath: "/system/zones/mqlzexcl",
        brand: "solaris",
        ipType: "excl",
        extraFields: ["-", "fixed-configuration", "", ""],
      },
      // line 4: "-:mqlzshared:configured:/system/zones/mqlzshared::solaris:shared:-:::"
      {
        name: "mqlzshared",
        state: "configured",
        zonepath: "/system/zones/mqlzshared",
        brand: "solaris",
        ipType: "shared",
        extraFields: ["-", "", "", ""],
      },
      // line 5: "-:mqlzded:configured:/system/zones/mqlzded::solaris:excl:-:::"
      {
        name: "mqlzded",
        state: "configured",
        zonepath: "/system/zones/mqlzded",
        brand: "solaris",
        ipType: "excl",
        extraFields: ["-", "", "", ""],
      },
    ],
  },
  "peer-captures/oozone/zone_list.txt": { kind: "zoneadm-list-p", zones: OOZONE_LIST },
  "peer-captures/oozone/zoneadm-list-cp-serv-ws.txt": {
    kind: "zoneadm-list-p",
    zones: [
      // line 1: "4:serv-ws:running:/:f56c0dd9-…:native:excl:0"
      {
        id: 4,
        name: "serv-ws",
        state: "running",
        zonepath: "/",
        brand: "native",
        ipType: "excl",
        debugId: "0",
      },
    ],
  },
  "peer-captures/puppetlabs-zone_core/zoneadm-list-cp-instances.txt": {
    kind: "zoneadm-list-p",
    zones: [
      // line 1: "0:dummy:running:/::native:shared"
      { id: 0, name: "dummy", state: "running", zonepath: "/", brand: "native", ipType: "shared" },
    ],
  },
  "peer-captures/solaris-telegraf-helpers/zoneadm-list-cp.txt": {
    kind: "zoneadm-list-p",
    zones: [
      // line 1: "0:global:running:/::ipkg:shared:0"
      {
        id: 0,
        name: "global",
        state: "running",
        zonepath: "/",
        brand: "ipkg",
        ipType: "shared",
        debugId: "0",
      },
      // line 2: "42:cube-media:running:/zones/cube-media:c624d04f-…:lipkg:excl:128"
      {
        id: 42,
        name: "cube-media",
        state: "running",
        zonepath: "/zones/cube-media",
        brand: "lipkg",
        ipType: "excl",
        debugId: "128",
      },
      // line 3: "44:cube-ws:installed:/zones/cube-ws:0f9c56f4-…:pkgsrc:excl:179" (hand-edited id, COMMANDS.md §9)
      {
        id: 44,
        name: "cube-ws",
        state: "installed",
        zonepath: "/zones/cube-ws",
        brand: "pkgsrc",
        ipType: "excl",
        debugId: "179",
      },
    ],
  },
  "peer-captures/smartos-imgadm/zoneadm-list-pc-kvm-joyent-minimal.txt": {
    kind: "zoneadm-list-p",
    zones: [
      // line 1: "0:global:running:/::liveimg:shared:" (empty debug id: zdid -1)
      {
        id: 0,
        name: "global",
        state: "running",
        zonepath: "/",
        brand: "liveimg",
        ipType: "shared",
        debugId: "",
      },
      // line 2: "21:dc5cbce7-798a-4bc8-bdc5-61b4be00a22e:running:/zones/dc5cbce7-…:…:joyent-minimal:excl:21"
      {
        id: 21,
        name: "dc5cbce7-798a-4bc8-bdc5-61b4be00a22e",
        state: "running",
        zonepath: "/zones/dc5cbce7-798a-4bc8-bdc5-61b4be00a22e",
        brand: "joyent-minimal",
        ipType: "excl",
        debugId: "21",
      },
      // line 3: "-:7970c690-1738-4e58-a04f-8ce4ea8ebfca:installed:/zones/7970c690-…:…:kvm:excl:22"
      {
        name: "7970c690-1738-4e58-a04f-8ce4ea8ebfca",
        state: "installed",
        zonepath: "/zones/7970c690-1738-4e58-a04f-8ce4ea8ebfca",
        brand: "kvm",
        ipType: "excl",
        debugId: "22",
      },
    ],
  },
  "peer-captures/smartos-live/zoneadm-list-pc-gz-only.txt": {
    kind: "zoneadm-list-p",
    zones: [
      // line 1: "0:global:running:/::liveimg:shared:0"
      {
        id: 0,
        name: "global",
        state: "running",
        zonepath: "/",
        brand: "liveimg",
        ipType: "shared",
        debugId: "0",
      },
    ],
  },
  "peer-captures/smartos-live/zoneadm-list-pc-joyent-minimal.txt": {
    kind: "zoneadm-list-p",
    zones: [
      // line 1: "0:global:running:/::liveimg:shared:0"
      {
        id: 0,
        name: "global",
        state: "running",
        zonepath: "/",
        brand: "liveimg",
        ipType: "shared",
        debugId: "0",
      },
      // line 2: "1:c0f63bf1-aa36-4c78-8c3c-a9cfe3b0001e:running:/zones/c0f63bf1-…:…:joyent-minimal:excl:1"
      {
        id: 1,
        name: "c0f63bf1-aa36-4c78-8c3c-a9cfe3b0001e",
        state: "running",
        zonepath: "/zones/c0f63bf1-aa36-4c78-8c3c-a9cfe3b0001e",
        brand: "joyent-minimal",
        ipType: "excl",
        debugId: "1",
      },
    ],
  },
};
