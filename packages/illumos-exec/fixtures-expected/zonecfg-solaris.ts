import type { SampleGroup } from "./types.js";

// zonecfg samples from Solaris 10/11 hosts (and test stubs of tools that manage them). Solaris
// resources zmgr does not model (`anet`, also with an index: `anet 0:`) stay resources of their
// own with their raw text; their lines never become the zone's top-level properties.

const CAP = { "configure-allowed-address": "true" }; // the Solaris 11 net property kept raw

export const ZONECFG_SOLARIS: SampleGroup = {
  "peer-captures/mondoohq-mql/zonecfg-info-a-mqlzexcl.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "mqlzexcl", // line 1: "zonename: mqlzexcl"
      zonepath: "/system/zones/mqlzexcl", // line 3: "zonepath: /system/zones/mqlzexcl"
      brand: "solaris", // line 4: "brand: solaris"
      autoboot: true, // line 5: "autoboot: true"
      ipType: "exclusive", // line 12: "ip-type: exclusive"
      props: {
        autoshutdown: "shutdown", // line 6: "autoshutdown: shutdown"
        bootargs: "-m verbose", // line 7: "bootargs: -m verbose"
        "file-mac-profile": "fixed-configuration", // line 8: "file-mac-profile: fixed-configuration"
        limitpriv: "default,proc_priocntl,dtrace_user", // line 10
        "scheduling-class": "FSS", // line 11: "scheduling-class: FSS"
        hostid: "1a2b3c4d", // line 13: "hostid: 1a2b3c4d"
        "fs-allowed": "hsfs,pcfs", // line 15: "fs-allowed: hsfs,pcfs"
        // lines 16-17 "[max-lwps: 2000]", "[max-processes: 1000]": aliases of the rctls at 111, 114
      },
      nets: [], // no `net:` block, only `anet:` (lines 24, 55)
      // fs 18; anet 24, 55; device 86; capped-cpu 93; capped-memory 95; dataset 99; rctl 102 … 114
      resourceCounts: {
        fs: 1,
        anet: 2,
        device: 1,
        "capped-cpu": 1,
        "capped-memory": 1,
        dataset: 1,
        rctl: 5,
      },
      checks: [
        // lines 19-23: "dir: /data", "special: /export/mqlshare", "raw: ", "type: lofs", "options: [ro,nodevices]"
        {
          type: "fs",
          index: 0,
          props: { dir: "/data", special: "/export/mqlshare", type: "lofs" },
          lists: { options: ["ro", "nodevices"] },
        },
        { type: "anet", index: 0, raw: { firstLine: "anet:", lines: 31 } }, // lines 24-54
        { type: "anet", index: 1, raw: { firstLine: "anet:", lines: 31 } }, // lines 55-85
        {
          type: "device",
          index: 0,
          props: { match: "/dev/zvol/rdsk/rpool/swap", "allow-raw-io": "true" },
        }, // lines 87, 91
        { type: "capped-cpu", index: 0, props: { ncpus: "1.50" } }, // line 94: "[ncpus: 1.50]"
        { type: "capped-memory", index: 0, props: { physical: "1G", swap: "2G", locked: "512M" } }, // lines 96-98
        { type: "dataset", index: 0, props: { name: "rpool/mqlzdata", alias: "mqlzdata" } }, // lines 100-101
        // lines 103-104: "name: zone.max-swap", "value: (priv=privileged,limit=2147483648,action=deny)"
        {
          type: "rctl",
          index: 0,
          props: { name: "zone.max-swap" },
          lists: { value: ["(priv=privileged,limit=2147483648,action=deny)"] },
        },
        { type: "rctl", index: 4, props: { name: "zone.max-processes" } }, // line 115
      ],
    },
  },
  "peer-captures/mondoohq-mql/zonecfg-info-a-mqlzshared.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "mqlzshared", // line 1
      zonepath: "/system/zones/mqlzshared", // line 3
      brand: "solaris", // line 4
      autoboot: false, // line 5: "autoboot: false"
      ipType: "shared", // line 12: "ip-type: shared"
      props: { autoshutdown: "shutdown" }, // line 6 (every other top-level value is empty)
      nets: [
        { address: "10.0.6.30/24", physical: "net0", otherProps: CAP }, // lines 17, 19, 20
        { address: "10.0.6.31/24", physical: "net0", otherProps: CAP }, // lines 23, 25, 26
      ],
      resourceCounts: {},
    },
  },
  "peer-captures/mondoohq-mql/zonecfg-info-a-mqlzded.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "mqlzded", // line 1
      zonepath: "/system/zones/mqlzded", // line 3
      brand: "solaris", // line 4
      autoboot: false, // line 5
      ipType: "exclusive", // line 12
      // line 6; line 16 "[max-lwps: 3000]" is the alias of the rctl at line 53
      props: { autoshutdown: "shutdown" },
      nets: [],
      resourceCounts: { anet: 1, "dedicated-cpu": 1, rctl: 1 }, // lines 17, 48, 53
      checks: [
        { type: "anet", index: 0, raw: { firstLine: "anet:", lines: 31 } }, // lines 17-47
        { type: "dedicated-cpu", index: 0, props: { ncpus: "1-2" } }, // line 49: "ncpus: 1-2"
        // lines 54-55
        {
          type: "rctl",
          index: 0,
          props: { name: "zone.max-lwps" },
          lists: { value: ["(priv=privileged,limit=3000,action=deny)"] },
        },
      ],
    },
  },
  "peer-captures/puppetlabs-zone_core/zonecfg-info-shared.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "dummy", // line 1
      zonepath: "/dummy/z", // line 2
      brand: "native", // line 3
      autoboot: true, // line 4: "autoboot: true"
      ipType: "shared", // line 9: "ip-type: shared"
      props: {},
      nets: [
        { address: "1.1.1.1", physical: "ex0001" }, // lines 12-13
        { address: "1.1.1.2", physical: "ex0002" }, // lines 16-17
      ],
      resourceCounts: {},
    },
  },
  "peer-captures/puppetlabs-zone_core/zonecfg-info-exclusive-s11.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "dummy", // line 1
      zonepath: "/dummy/z", // line 2
      brand: "native", // line 3
      autoboot: true, // line 4
      ipType: "exclusive", // line 9: "ip-type: exclusive"
      props: {},
      nets: [{ physical: "net1", otherProps: CAP }], // line 14: "configure-allowed-address: true", line 15: "physical: net1"
      resourceCounts: {},
    },
  },
  "peer-captures/solaris11-cookbook/zonecfg-info-solaris11-net-anet.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "zone1", // line 1
      zonepath: "/myzones/zone1", // line 2
      brand: "solaris", // line 3
      autoboot: true, // line 4
      ipType: "exclusive", // line 10
      props: {},
      nets: [{ physical: "vnic1", otherProps: CAP }], // lines 16-17
      resourceCounts: { anet: 1 }, // line 19: "anet:"
      // lines 19-43 (line 22 is indented by one space only: still inside the block)
      checks: [{ type: "anet", index: 0, raw: { firstLine: "anet:", lines: 25 } }],
    },
  },
  "peer-captures/solaris11-cookbook/zonecfg-info-capped-memory-fragment.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "zone1", // line 1
      zonepath: "/myzones/zone1", // line 2
      brand: "solaris", // line 3
      autoboot: true, // line 4
      ipType: "shared", // no ip-type line (the middle was elided)
      props: {},
      nets: [],
      resourceCounts: { "capped-memory": 1, rctl: 1 }, // lines 5, 8
      checks: [
        { type: "capped-memory", index: 0, props: { physical: "1G", swap: "500M" } }, // lines 6-7: "physical: 1G", "[swap: 500M]"
        // lines 9-10
        {
          type: "rctl",
          index: 0,
          props: { name: "zone.max-swap" },
          lists: { value: ["(priv=privileged,limit=524288000,action=deny)"] },
        },
      ],
    },
  },
  "peer-captures/solaris11-lab/zonecfg-info-solaris114-zone1.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "zone1", // line 1
      zonepath: "/system/zones/zone1", // line 2
      brand: "solaris", // line 3
      autoboot: false, // line 4
      ipType: "exclusive", // line 11
      props: { autoshutdown: "shutdown" }, // line 5
      nets: [],
      resourceCounts: { anet: 1 }, // line 15
      checks: [{ type: "anet", index: 0, raw: { firstLine: "anet:", lines: 28 } }], // lines 15-42
    },
  },
  "peer-captures/solaris11-lab/zonecfg-info-solaris-kz.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "kzone1", // line 1: "zonename: kzone1"
      brand: "solaris-kz", // line 2: "brand: solaris-kz" (no zonepath line: absent)
      autoboot: false, // line 3
      ipType: "shared", // no ip-type line
      props: { autoshutdown: "shutdown", hostid: "0x2e7d2173" }, // line 4; line 8: "hostid: 0x2e7d2173"
      nets: [],
      resourceCounts: { anet: 1, device: 1, "capped-memory": 1 }, // lines 10, 38, 43
      checks: [
        { type: "anet", index: 0, raw: { firstLine: "anet:", lines: 28 } }, // lines 10-37
        // lines 40-42: "storage: dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzone1/disk0", "id: 0", "bootpri: 0"
        {
          type: "device",
          index: 0,
          props: {
            storage: "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzone1/disk0",
            id: "0",
            bootpri: "0",
          },
        },
        { type: "capped-memory", index: 0, props: { physical: "4G" } }, // line 44
      ],
    },
  },
  "peer-captures/solaris114-blog/zonecfg-info-s114-anet-indexed.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "web", // line 1
      zonepath: "/zones/web", // line 2
      brand: "solaris", // line 3
      autoboot: true, // line 4
      ipType: "shared", // no ip-type line
      props: {}, // lines 6-7 belong to "anet 0:", not to the zone
      nets: [],
      resourceCounts: { anet: 1 }, // line 5: "anet 0:"
      checks: [{ type: "anet", index: 0, raw: { firstLine: "anet 0:", lines: 3 } }], // lines 5-7
    },
  },
  "peer-captures/solaris114-blog/zonecfg-export-s114-web.txt": {
    kind: "zonecfg-export",
    zonename: "web", // from the command, `zonecfg -z web export`
    zone: {
      zonename: "web",
      zonepath: "/zones/web", // line 3: "set zonepath=/zones/web"
      brand: "solaris", // line 2: "set brand=solaris"
      autoboot: true, // line 4: "set autoboot=true"
      ipType: "shared", // no "set ip-type" line
      props: {},
      nets: [{ physical: "vnet1" }], // line 6: "set physical=vnet1"
      resourceCounts: {},
    },
  },
};
