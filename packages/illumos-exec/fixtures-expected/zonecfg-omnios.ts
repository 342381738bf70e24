import { PKGSRC_TEST } from "./captures.js";
import type { SampleGroup, ZoneKey } from "./types.js";

// zonecfg info/export samples from OmniOS, OpenIndiana (pkg5 docs) and illumos-brand how-tos.

/** omniosorg-pkg5/zonecfg-info-bhyve.txt (line numbers of that file). */
const BHYVE_INFO: ZoneKey = {
  zonename: "bhyve", // line 1: "zonename: bhyve"
  zonepath: "/data/zone/bhyve", // line 2: "zonepath: /data/zone/bhyve"
  brand: "bhyve", // line 3: "brand: bhyve"
  autoboot: false, // line 4: "autoboot: false"
  ipType: "exclusive", // line 9: "ip-type: exclusive"
  props: {}, // lines 5-8, 10-11 are empty
  // line 20: "allowed-address: 10.0.0.112/24", line 24: "physical: bhyve0"
  nets: [{ allowedAddress: "10.0.0.112/24", physical: "bhyve0" }],
  // fs line 12; device lines 26, 28, 30; attr lines 32 … 68
  resourceCounts: { fs: 1, device: 3, attr: 10 },
  checks: [
    { type: "fs", index: 0, lists: { options: ["ro", "nodevices"] } }, // line 17: "options: [ro,nodevices]"
    {
      type: "attr",
      index: 0,
      props: { name: "vcpus", value: "cpus=16,sockets=2,cores=4,threads=2" },
    }, // lines 33, 35
    { type: "attr", index: 3, props: { name: "console", value: "socket,/tmp/vm.com1" } }, // lines 45, 47
    { type: "attr", index: 7, props: { name: "disk", value: "tank/hdd/bhyve2,serial=1234" } }, // lines 61, 63
    { type: "attr", index: 9, props: { name: "vnc", value: "unix=/tmp/vm.vnc,wait" } }, // lines 69, 71
    { type: "device", index: 2, props: { match: "/dev/zvol/rdsk/tank/hdd/bhyve2" } }, // line 31
  ],
};

/** omniosorg-pkg5/zonecfg-export-bhyve.txt: old export, values quoted only when they hold a space. */
const BHYVE_EXPORT: ZoneKey = {
  zonename: "bhyve", // from the command, `zonecfg -z bhyve export` (export prints no zonename)
  zonepath: "/data/zone/bhyve", // line 2: "set zonepath=/data/zone/bhyve"
  brand: "bhyve", // line 3: "set brand=bhyve"
  autoboot: false, // line 4: "set autoboot=false"
  ipType: "exclusive", // line 5: "set ip-type=exclusive"
  props: {},
  // line 14: "set allowed-address=10.0.0.112/24", line 15: "set physical=bhyve0"
  nets: [{ allowedAddress: "10.0.0.112/24", physical: "bhyve0" }],
  // "add fs" line 6; "add device" lines 17, 20, 23; "add attr" ×10 from line 26
  resourceCounts: { fs: 1, device: 3, attr: 10 },
  checks: [
    // line 7: "set dir=/tank/iso/debian-9.4.0-amd64-netinst.iso"; lines 10-11: "add options ro", "add options nodevices"
    {
      type: "fs",
      index: 0,
      props: { dir: "/tank/iso/debian-9.4.0-amd64-netinst.iso", type: "lofs" },
      lists: { options: ["ro", "nodevices"] },
    },
    {
      type: "attr",
      index: 0,
      props: { name: "vcpus", type: "string", value: "cpus=16,sockets=2,cores=4,threads=2" },
    }, // lines 27-29
    { type: "attr", index: 3, props: { name: "console", value: "socket,/tmp/vm.com1" } }, // line 44: "set value=socket,/tmp/vm.com1"
    { type: "attr", index: 7, props: { name: "disk", value: "tank/hdd/bhyve2,serial=1234" } }, // line 64: "set value=tank/hdd/bhyve2,serial=1234"
    { type: "attr", index: 9, props: { name: "vnc", value: "unix=/tmp/vm.vnc,wait" } }, // line 74: "set value=unix=/tmp/vm.vnc,wait"
    { type: "device", index: 0, props: { match: "/dev/zvol/rdsk/tank/hdd/bhyve0" } }, // line 18
  ],
};

/** omniosorg-pkg5-kvm/zonecfg-info-kvm-oi.txt */
const KVM_INFO: ZoneKey = {
  zonename: "oi", // line 1: "zonename: oi"
  zonepath: "/data/zone/oi", // line 2: "zonepath: /data/zone/oi"
  brand: "kvm", // line 3: "brand: kvm"
  autoboot: false, // line 4: "autoboot: false"
  ipType: "exclusive", // line 9: "ip-type: exclusive"
  props: {},
  // line 20: "allowed-address: 10.0.0.112/24", line 24: "physical: oi0"
  nets: [{ allowedAddress: "10.0.0.112/24", physical: "oi0" }],
  // fs line 12; device lines 26, 28, 30; attr lines 32 … 56
  resourceCounts: { fs: 1, device: 3, attr: 7 },
  checks: [
    { type: "fs", index: 0, lists: { options: ["ro", "nodevices"] } }, // line 17: "options: [ro,nodevices]"
    { type: "attr", index: 6, props: { name: "disk", value: "tank/hdd/oi2,serial=1234" } }, // lines 57, 59
  ],
};

/** omniosorg-pkg5-kvm/zonecfg-export-kvm-oi.txt: old unquoted export. */
const KVM_EXPORT: ZoneKey = {
  zonename: "oi", // from the command, `zonecfg -z oi export`
  zonepath: "/data/zone/oi", // line 2: "set zonepath=/data/zone/oi"
  brand: "kvm", // line 3: "set brand=kvm"
  autoboot: false, // line 4: "set autoboot=false"
  ipType: "exclusive", // line 5: "set ip-type=exclusive"
  props: {},
  // line 14: "set allowed-address=10.0.0.112/24", line 15: "set physical=oi0"
  nets: [{ allowedAddress: "10.0.0.112/24", physical: "oi0" }],
  resourceCounts: { fs: 1, device: 3, attr: 7 }, // "add fs" line 6, "add device" ×3, "add attr" ×7
  checks: [
    { type: "fs", index: 0, lists: { options: ["ro", "nodevices"] } }, // lines 10-11: "add options ro", "add options nodevices"
    { type: "attr", index: 6, props: { name: "disk", value: "tank/hdd/oi2,serial=1234" } }, // line 59: "set value=tank/hdd/oi2,serial=1234"
  ],
};

/** The tt zone of the illumos-brand how-to: info (TABs as 8 spaces) and export print the same. */
const TT: ZoneKey = {
  zonename: "tt", // info line 1: "zonename: tt" (export: from the command `zonecfg -z tt export`)
  zonepath: "/data/zone/tt", // info line 2 / export line 2: "set zonepath=/data/zone/tt"
  brand: "illumos", // info line 3 / export line 3: "set brand=illumos"
  autoboot: false, // info line 4 / export line 4
  ipType: "exclusive", // info line 9 / export line 6: "set ip-type=exclusive"
  props: { limitpriv: "default" }, // info line 7: "limitpriv: default" / export line 5: "set limitpriv=default"
  // info lines 28-29: "global-nic: switch10", "physical: tt0"; export lines 26-27
  nets: [{ physical: "tt0", globalNic: "switch10" }],
  resourceCounts: { fs: 3 }, // info lines 12, 17, 22 / export lines 7, 13, 19
  checks: [
    // info lines 13-16: "dir: /usr", "special: /usr", "type: lofs", "options: [ro]"; export lines 8-11
    {
      type: "fs",
      index: 0,
      props: { dir: "/usr", special: "/usr", type: "lofs" },
      lists: { options: ["ro"] },
    },
    { type: "fs", index: 1, props: { dir: "/sbin" }, lists: { options: ["ro"] } }, // info lines 18, 21 / export lines 14, 17
    { type: "fs", index: 2, props: { dir: "/lib" }, lists: { options: ["ro"] } }, // info lines 23, 26 / export lines 20, 23
  ],
};

export const ZONECFG_OMNIOS: SampleGroup = {
  "peer-captures/omniosorg-pkg5/zonecfg-info-bhyve.txt": { kind: "zonecfg-info", zone: BHYVE_INFO },
  "peer-captures/omniosorg-pkg5/zonecfg-export-bhyve.txt": {
    kind: "zonecfg-export",
    zonename: "bhyve",
    zone: BHYVE_EXPORT,
  },
  "peer-captures/omniosorg-pkg5-kvm/zonecfg-info-kvm-oi.txt": {
    kind: "zonecfg-info",
    zone: KVM_INFO,
  },
  "peer-captures/omniosorg-pkg5-kvm/zonecfg-export-kvm-oi.txt": {
    kind: "zonecfg-export",
    zonename: "oi",
    zone: KVM_EXPORT,
  },
  "peer-captures/illumos-brand-howto/zonecfg-info-illumos-tt.txt": {
    kind: "zonecfg-info",
    zone: TT,
  },
  "peer-captures/illumos-brand-howto/zonecfg-export-illumos-tt.txt": {
    kind: "zonecfg-export",
    zonename: "tt",
    zone: TT,
  },
  "peer-captures/omniosorg-docs/zonecfg-info-pkgsrc-test.txt": {
    kind: "zonecfg-info",
    zone: PKGSRC_TEST,
  },
  "peer-captures/omniosorg-docs/zonecfg-info-bhyve-bloody.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "bloody", // line 1: "zonename: bloody"
      zonepath: "/data/zone/bloody", // line 2: "zonepath: /data/zone/bloody"
      brand: "bhyve", // line 3: "brand: bhyve"
      autoboot: false, // line 4: "autoboot: false"
      ipType: "exclusive", // line 9: "ip-type: exclusive"
      props: {},
      nets: [{ physical: "omniosr0" }], // line 18: "physical: omniosr0" (every other net prop "not specified")
      resourceCounts: { device: 1, attr: 5 }, // device line 20; attr lines 22, 26, 30, 34, 38
      checks: [
        { type: "device", index: 0, props: { match: "/dev/zvol/rdsk/data/omnios/hdd-bloody*" } }, // line 21
        { type: "attr", index: 1, props: { name: "vcpus", value: "sockets=2,cores=4,threads=2" } }, // lines 27, 29
        // lines 35, 37: "value: data/omnios/hdd-bloody2,serial=HONALULU,sectorsize=512/512"
        {
          type: "attr",
          index: 3,
          props: {
            name: "disk",
            value: "data/omnios/hdd-bloody2,serial=HONALULU,sectorsize=512/512",
          },
        },
      ],
    },
  },
  "peer-captures/omniosorg-docs/zonecfg-fragment-build-zone.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "", // a fragment: no zonename line
      autoboot: false, // no autoboot line
      ipType: "shared", // no ip-type line: libzonecfg reads a missing ip-type as shared
      // line 1: "limitpriv: default,dtrace_user,dtrace_proc", line 2: "fs-allowed: ufs"
      props: { limitpriv: "default,dtrace_user,dtrace_proc", "fs-allowed": "ufs" },
      nets: [],
      resourceCounts: { fs: 2 }, // lines 3, 9: "fs:"
      checks: [
        // lines 4-8: "dir: /boot", "special: /boot", "raw not specified", "type: lofs", "options: [ro]"
        {
          type: "fs",
          index: 0,
          props: { dir: "/boot", special: "/boot", type: "lofs" },
          lists: { options: ["ro"] },
        },
        // lines 10, 14: "dir: /platform/i86pc/kernel/amd64", "options: [ro]"
        {
          type: "fs",
          index: 1,
          props: { dir: "/platform/i86pc/kernel/amd64" },
          lists: { options: ["ro"] },
        },
      ],
    },
  },
  "peer-captures/omniosorg-issues/zonecfg-info-lx-rctl-brackets.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "lx", // line 1: "zonename: lx"
      autoboot: false, // no autoboot line
      ipType: "shared", // no ip-type line
      // lines 2-3: "[max-lwps: 65536]", "[max-processes: 123456]" are aliases of the rctl blocks
      // at lines 4 and 7 (info prints both, export only the blocks): kept in the rctls alone
      props: {},
      nets: [],
      resourceCounts: { rctl: 2 }, // lines 4, 7: "rctl:"
      checks: [
        // lines 5-6: "name: zone.max-lwps", "value: (priv=privileged,limit=65536,action=deny)"
        {
          type: "rctl",
          index: 0,
          props: { name: "zone.max-lwps" },
          lists: { value: ["(priv=privileged,limit=65536,action=deny)"] },
        },
        // lines 8-9: "name: zone.max-processes", "value: (priv=privileged,limit=123456,action=deny)"
        {
          type: "rctl",
          index: 1,
          props: { name: "zone.max-processes" },
          lists: { value: ["(priv=privileged,limit=123456,action=deny)"] },
        },
      ],
    },
  },
  "peer-captures/omniosorg-issues/zonecfg-info-net-lx-allowed-address.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "", // a net block alone
      autoboot: false,
      ipType: "shared", // no ip-type line
      props: {},
      // line 3: "allowed-address: 172.30.1.129/26", line 4: "defrouter: 172.30.1.254", line 5: "physical: deb0"
      nets: [{ allowedAddress: "172.30.1.129/26", defrouter: "172.30.1.254", physical: "deb0" }],
      resourceCounts: {},
    },
  },
  "peer-captures/omniosorg-issues/zonecfg-info-net-lx-property.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "", // a net block alone
      autoboot: false,
      ipType: "shared", // no ip-type line
      props: {},
      nets: [
        {
          physical: "deb0", // line 5: "physical: deb0"
          properties: {
            ips: "172.30.1.129/26", // line 6: 'property: (name=ips,value="172.30.1.129/26")'
            primary: "true", // line 7: 'property: (name=primary,value="true")'
            gateway: "172.30.1.254", // line 8: 'property: (name=gateway,value="172.30.1.254")'
          },
        },
      ],
      resourceCounts: {},
    },
  },
  "peer-captures/misc-tests/zonecfg-info-capped-memory-web1.txt": {
    kind: "zonecfg-info",
    zone: {
      zonename: "", // `zonecfg -z web1 info capped-memory` prints the block alone
      autoboot: false,
      ipType: "shared",
      props: {},
      nets: [],
      resourceCounts: { "capped-memory": 1 }, // line 1: "capped-memory:"
      // line 2: "\tphysical: 512M", line 3: "\t[swap: 512M]"
      checks: [{ type: "capped-memory", index: 0, props: { physical: "512M", swap: "512M" } }],
    },
  },
};
