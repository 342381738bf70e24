import { OOZONE_LIST } from "./captures.js";
import type { SampleGroup } from "./types.js";

// `zoneadm list -p` samples of illumos systems (OmniOS, SmartOS; tool stubs): OmniOS/SmartOS
// add an 8th debug-id field (digits, or empty). Solaris samples: zoneadm-lists-solaris.ts.
export const ZONEADM_LISTS: SampleGroup = {
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
        ipType: "exclusive",
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
        ipType: "exclusive",
        debugId: "128",
      },
      // line 3: "44:cube-ws:installed:/zones/cube-ws:0f9c56f4-…:pkgsrc:excl:179" (hand-edited id, COMMANDS.md §9)
      {
        id: 44,
        name: "cube-ws",
        state: "installed",
        zonepath: "/zones/cube-ws",
        brand: "pkgsrc",
        ipType: "exclusive",
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
        ipType: "exclusive",
        debugId: "21",
      },
      // line 3: "-:7970c690-1738-4e58-a04f-8ce4ea8ebfca:installed:/zones/7970c690-…:…:kvm:excl:22"
      {
        name: "7970c690-1738-4e58-a04f-8ce4ea8ebfca",
        state: "installed",
        zonepath: "/zones/7970c690-1738-4e58-a04f-8ce4ea8ebfca",
        brand: "kvm",
        ipType: "exclusive",
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
        ipType: "exclusive",
        debugId: "1",
      },
    ],
  },
};
