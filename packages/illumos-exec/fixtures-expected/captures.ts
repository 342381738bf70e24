import type { ListKey, SampleGroup, VerboseKey, ZoneKey } from "./types.js";

// fixtures/captures (copied from shared/illumos/captures; COMMANDS.md §9).

/** captures/zoneadm-list-cp.1.txt (OmniOS, 8 fields); oozone/zone_list.txt has the same bytes. */
export const OOZONE_LIST: ListKey[] = [
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
  // line 2: "1:serv-backup:running:/zones/serv-backup:…:lipkg:excl:40"
  {
    id: 1,
    name: "serv-backup",
    state: "running",
    zonepath: "/zones/serv-backup",
    brand: "lipkg",
    ipType: "exclusive",
    debugId: "40",
  },
  // line 3: "2:serv-build:running:/zones/serv-build:…:lipkg:excl:72"
  {
    id: 2,
    name: "serv-build",
    state: "running",
    zonepath: "/zones/serv-build",
    brand: "lipkg",
    ipType: "exclusive",
    debugId: "72",
  },
  // line 4: "3:serv-cron:running:/zones/serv-cron:…:lipkg:excl:42"
  {
    id: 3,
    name: "serv-cron",
    state: "running",
    zonepath: "/zones/serv-cron",
    brand: "lipkg",
    ipType: "exclusive",
    debugId: "42",
  },
  // line 5: "4:serv-ws:running:/zones/serv-ws:…:lipkg:excl:74"
  {
    id: 4,
    name: "serv-ws",
    state: "running",
    zonepath: "/zones/serv-ws",
    brand: "lipkg",
    ipType: "exclusive",
    debugId: "74",
  },
  // line 6: "5:serv-wf:running:/zones/serv-wf:…:lipkg:excl:75"
  {
    id: 5,
    name: "serv-wf",
    state: "running",
    zonepath: "/zones/serv-wf",
    brand: "lipkg",
    ipType: "exclusive",
    debugId: "75",
  },
  // line 7: "6:serv-mariadb:running:/zones/serv-mariadb:…:lipkg:excl:45"
  {
    id: 6,
    name: "serv-mariadb",
    state: "running",
    zonepath: "/zones/serv-mariadb",
    brand: "lipkg",
    ipType: "exclusive",
    debugId: "45",
  },
  // line 8: "7:test-zone:running:/zones/test-zone:…:lipkg:excl:53"
  {
    id: 7,
    name: "test-zone",
    state: "running",
    zonepath: "/zones/test-zone",
    brand: "lipkg",
    ipType: "exclusive",
    debugId: "53",
  },
  // line 9: "8:serv-pkg:running:/zones/serv-pkg:…:lipkg:excl:71"
  {
    id: 8,
    name: "serv-pkg",
    state: "running",
    zonepath: "/zones/serv-pkg",
    brand: "lipkg",
    ipType: "exclusive",
    debugId: "71",
  },
  // line 10: "9:serv-dns:running:/zones/serv-dns:…:lipkg:excl:43"
  {
    id: 9,
    name: "serv-dns",
    state: "running",
    zonepath: "/zones/serv-dns",
    brand: "lipkg",
    ipType: "exclusive",
    debugId: "43",
  },
  // line 11: "10:serv-fs:running:/zones/serv-fs:…:lipkg:excl:44"
  {
    id: 10,
    name: "serv-fs",
    state: "running",
    zonepath: "/zones/serv-fs",
    brand: "lipkg",
    ipType: "exclusive",
    debugId: "44",
  },
  // line 12: "-:gold-lipkg-b:installed:/zones/gold-lipkg-b:…:lipkg:excl:39" (line 13 is empty)
  {
    name: "gold-lipkg-b",
    state: "installed",
    zonepath: "/zones/gold-lipkg-b",
    brand: "lipkg",
    ipType: "exclusive",
    debugId: "39",
  },
];

/** captures/zoneadm-list-cv.1.txt; omniosorg-docs/zoneadm-list-cv-lx.txt has the same bytes. */
export const LX_VERBOSE: VerboseKey[] = [
  // line 2: "   0 global           running    /                              ipkg     shared"
  { id: 0, name: "global", state: "running", zonepath: "/", brand: "ipkg", ipType: "shared" },
  // line 3: "   1 lx0              running    /zones/lx0                     lx       excl  "
  {
    id: 1,
    name: "lx0",
    state: "running",
    zonepath: "/zones/lx0",
    brand: "lx",
    ipType: "exclusive",
  },
  // line 4: "   2 lx2              running    /zones/lx2                     lx       excl  "
  {
    id: 2,
    name: "lx2",
    state: "running",
    zonepath: "/zones/lx2",
    brand: "lx",
    ipType: "exclusive",
  },
  // line 5: "   3 lx1              running    /zones/lx1                     lx       excl  "
  {
    id: 3,
    name: "lx1",
    state: "running",
    zonepath: "/zones/lx1",
    brand: "lx",
    ipType: "exclusive",
  },
  // line 6: "   5 lipkg0           running    /zones/lipkg0                  lipkg    excl  "
  {
    id: 5,
    name: "lipkg0",
    state: "running",
    zonepath: "/zones/lipkg0",
    brand: "lipkg",
    ipType: "exclusive",
  },
];

/** captures/zonecfg-info.1.txt; omniosorg-docs/zonecfg-info-pkgsrc-test.txt has the same bytes. */
export const PKGSRC_TEST: ZoneKey = {
  zonename: "test", // line 1: "zonename: test"
  zonepath: "/zones/test", // line 2: "zonepath: /zones/test"
  brand: "pkgsrc", // line 3: "brand: pkgsrc"
  autoboot: false, // line 4: "autoboot: false"
  ipType: "exclusive", // line 9: "ip-type: exclusive"
  props: {}, // lines 5-8, 10-11: "bootargs:" … "fs-allowed:" all empty
  nets: [], // no resource block
  resourceCounts: {},
};

/** captures/dladm-show-link.2.txt; omniosorg-docs/dladm-show-link-human.txt has the same bytes. */
export const LINKS_SWITCH10 = [
  { link: "igb0", class: "phys", mtu: "1500", state: "up", bridge: "", over: "" }, // line 2: "igb0        phys      1500   up       --         --"
  { link: "igb1", class: "phys", mtu: "1500", state: "down", bridge: "", over: "" }, // line 3: "igb1        phys      1500   down     --         --"
  { link: "switch10", class: "etherstub", mtu: "9000", state: "up", over: "" }, // line 4: "switch10    etherstub 9000   up       --         --"
];

/** captures/dladm-show-vnic.1.txt; omniosorg-docs/dladm-show-vnic-human.txt has the same bytes. */
export const VNIC0 = [
  // line 2: "vnic0        igb0         100    2:8:20:38:a5:d6   random              0"
  {
    link: "vnic0",
    over: "igb0",
    speed: "100",
    macaddress: "2:8:20:38:a5:d6",
    macaddrtype: "random",
    vid: "0",
  },
];

export const CAPTURES: SampleGroup = {
  "captures/dladm-show-link.1.txt": {
    kind: "dladm-table",
    // line 2: "e1000g0     phys      1500   up       --         --"
    rows: [{ link: "e1000g0", class: "phys", mtu: "1500", state: "up", bridge: "", over: "" }],
  },
  "captures/dladm-show-link.2.txt": { kind: "dladm-table", rows: LINKS_SWITCH10 },
  "captures/dladm-show-phys.1.txt": {
    kind: "dladm-table",
    // line 2: "igb0         Ethernet             up         1000   full      igb0"
    rows: [
      {
        link: "igb0",
        media: "Ethernet",
        state: "up",
        speed: "1000",
        duplex: "full",
        device: "igb0",
      },
    ],
  },
  // line 1: "dladm: invalid vnic name 'dev0': object not found"
  "captures/dladm-show-vnic-missing.1.txt": { kind: "dladm-object-not-found", link: "dev0" },
  "captures/dladm-show-vnic.1.txt": { kind: "dladm-table", rows: VNIC0 },
  "captures/zoneadm-install.1.txt": {
    kind: "unparsed",
    reason:
      "progress text of zoneadm install: no parser reads it; the simulator prints it byte for byte",
    test: "../../illumos-sim/src/sim-fidelity.test.ts",
  },
  "captures/zoneadm-list-cp.1.txt": { kind: "zoneadm-list-p", zones: OOZONE_LIST },
  "captures/zoneadm-list-cp.3.txt": {
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
      // line 2: "-:clean-zone:installed:/zones/clean-zone:…:lipkg:excl:216" (no newline at the end)
      {
        name: "clean-zone",
        state: "installed",
        zonepath: "/zones/clean-zone",
        brand: "lipkg",
        ipType: "exclusive",
        debugId: "216",
      },
    ],
  },
  "captures/zoneadm-list-cv.1.txt": { kind: "zoneadm-list-v", zones: LX_VERBOSE },
  // line 1: "dev: No such zone configured"
  "captures/zonecfg-info-noexist.1.txt": { kind: "zonecfg-no-such-zone", zone: "dev" },
  "captures/zonecfg-info.1.txt": { kind: "zonecfg-info", zone: PKGSRC_TEST },
  // line 1: "firstzone: No such zone configured"
  "captures/zonecfg-noexist.1.txt": { kind: "zonecfg-no-such-zone", zone: "firstzone" },
};
