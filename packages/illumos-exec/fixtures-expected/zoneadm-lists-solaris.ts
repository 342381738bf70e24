import type { SampleGroup } from "./types.js";

// `zoneadm list -p` samples of Solaris hosts. Solaris 10 prints 7 fields; Solaris 11 puts its r/w
// flag 8th and more fields after it: kept raw as extraFields, never read as a debug id.
export const ZONEADM_LISTS_SOLARIS: SampleGroup = {
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
        ipType: "exclusive",
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
        ipType: "exclusive",
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
        ipType: "exclusive",
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
        ipType: "exclusive",
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
        ipType: "exclusive",
        extraFields: ["-", "none", "", ""],
      },
      // line 3: "-:mqlzexcl:configured:/system/zones/mqlzexcl::solaris:excl:-:fixed-configuration::"
      {
        name: "mqlzexcl",
        state: "configured",
        zonepath: "/system/zones/mqlzexcl",
        brand: "solaris",
        ipType: "exclusive",
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
        ipType: "exclusive",
        extraFields: ["-", "", "", ""],
      },
    ],
  },
};
