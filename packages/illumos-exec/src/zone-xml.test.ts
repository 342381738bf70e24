import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ZonecfgResource } from "./types.js";
import { parseZoneXml } from "./zone-xml.js";

// fixtures/zone-xml/ holds the five SmartOS files of shared/illumos/peer-captures, unedited.
// Every expected value below is written by hand from the file; the comment gives its line(s).
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/zone-xml/${name}`, import.meta.url), "utf8");
const attr = (name: string, value: string): ZonecfgResource => ({
  type: "attr",
  props: { name, type: "string", value },
});
const rctl = (name: string, limit: string, action: string): ZonecfgResource => ({
  type: "rctl",
  props: { name },
  lists: { value: [`(priv=privileged,limit=${limit},action=${action})`] },
});
const dev = (match: string, pairs: [string, string][]): ZonecfgResource => ({
  type: "device",
  props: { match },
  lists: { property: pairs.map(([n, v]) => `(name=${n},value="${v}")`) },
});

describe("parseZoneXml over real SmartOS zone files", () => {
  it("reads minimal-joyent.xml: a self-closing <zone/> with no resources", () => {
    expect(parseZoneXml(fixture("minimal-joyent.xml"))).toEqual({
      zonename: "073ae53b-c444-4e23-866b-10f99f276242", // line 6
      zonepath: "/zones/073ae53b-c444-4e23-866b-10f99f276242",
      brand: "joyent",
      autoboot: true,
      ipType: "exclusive",
      props: { limitpriv: "default" }, // line 6 (debugid is not a zonecfg property)
      nets: [],
      resources: [],
    });
  });

  it("reads lx.xml: no ip-type attribute means shared", () => {
    expect(parseZoneXml(fixture("lx.xml"))).toEqual({
      zonename: "lx-zone", // line 6
      zonepath: "/zones/lx-zone",
      brand: "lx",
      autoboot: false,
      ipType: "shared", // line 6 has no ip-type
      props: {},
      nets: [],
      resources: [attr("kernel-version", "2.6")], // line 7
    });
  });

  it("reads c673ec7c….xml: aliased rctls, memory and cpu caps, one network", () => {
    expect(parseZoneXml(fixture("c673ec7c-aca9-4a4c-a4be-52fa82b2f0cd.xml"))).toEqual({
      zonename: "c673ec7c-aca9-4a4c-a4be-52fa82b2f0cd", // line 6
      zonepath: "/zones/c673ec7c-aca9-4a4c-a4be-52fa82b2f0cd",
      brand: "joyent",
      autoboot: true,
      ipType: "exclusive",
      props: {
        limitpriv: "default,dtrace_proc,dtrace_user", // line 6
        // aliased rctls (cpu-shares, max-lwps, …) are not props: info prints them as rctl blocks too, and the typed value keeps the block alone
      },
      // line 37: only the attributes present; the net-attr children (38-41) are its properties
      nets: [
        {
          physical: "net0",
          macAddr: "01:02:03:04:05:06",
          vlanId: "1024",
          globalNic: "internal",
          properties: {
            gateway: "10.0.0.1", // line 38
            ip: "10.0.0.2", // line 39
            netmask: "255.255.224.0", // line 40
            primary: "true", // line 41
          },
        },
      ],
      resources: [
        { type: "capped-cpu", props: { ncpus: "0.50" } }, // lines 29-31: cpu-cap 50
        // lines 16-24: 268435456 = 256M, 536870912 = 512M
        { type: "capped-memory", props: { physical: "256M", locked: "256M", swap: "512M" } },
        attr("billing-id", "dfd227bc-e285-449f-8898-ee817a1d7196"), // line 25
        attr("owner-uuid", "a829a6ce-b4a9-40dd-81a2-6a1ca66fe723"), // line 26
        attr("package-name", "customer256-1"), // line 27
        attr("package-version", "1.0.0"), // line 28
        attr("alias", "YWJjLWRlZmdoMS1zbGF2ZS1pamtMLTA="), // line 32
        attr("tmpfs", "256"), // line 33
        attr("dns-domain", "local"), // line 34
        attr("resolvers", "8.8.8.8,8.8.4.4"), // line 35
        attr("dataset-uuid", "d7529e10-7b1d-44e9-b82a-2dc6f4ff41cc"), // line 36
        attr("vm-version", "1"), // line 43
        rctl("zone.cpu-shares", "2", "none"), // lines 7-9
        rctl("zone.zfs-io-priority", "2", "none"), // lines 10-12
        rctl("zone.max-lwps", "2000", "deny"), // lines 13-15
        rctl("zone.max-physical-memory", "268435456", "deny"), // lines 16-18
        rctl("zone.max-locked-memory", "268435456", "deny"), // lines 19-21
        rctl("zone.max-swap", "536870912", "deny"), // lines 22-24
        rctl("zone.cpu-cap", "50", "deny"), // lines 29-31
      ],
    });
  });

  it("reads maximal-joyent.xml: dataset, filesystem with options, two networks", () => {
    expect(parseZoneXml(fixture("maximal-joyent.xml"))).toEqual({
      zonename: "e9f6d7c2-49c5-4b54-9414-ca1405663e4f", // line 6
      zonepath: "/zones/e9f6d7c2-49c5-4b54-9414-ca1405663e4f",
      brand: "joyent",
      autoboot: true,
      ipType: "exclusive",
      props: {
        limitpriv: "default,-file_link_any,-net_access", // line 6
        "fs-allowed": "ufs,pcfs", // line 6
        // aliased rctls (cpu-shares, max-lwps, …) are not props: info prints them as rctl blocks too, and the typed value keeps the block alone
      },
      nets: [
        // line 48
        {
          allowedAddress: "10.10.10.10",
          physical: "net0",
          macAddr: "01:02:03:04:05:06",
          globalNic: "admin",
          properties: { ip: "10.10.10.10", netmask: "255.255.255.0" }, // lines 49-50
        },
        // line 52, its net-attr children lines 53-67
        {
          physical: "net1",
          macAddr: "00:00:5e:00:01:01",
          vlanId: "1337",
          globalNic: "admin",
          properties: {
            gateway: "10.10.10.1", // line 53
            allowed_ips: "10.10.10.11,10.10.10.12", // line 54
            ip: "10.10.10.11", // line 55
            netmask: "255.255.255.0", // line 56
            network_uuid: "298ec546-4b2c-41b4-ba58-6034b1fa8e02", // line 57
            dhcp_server: "true", // line 58
            allow_dhcp_spoofing: "true", // line 59
            blocked_outgoing_ports: "25,587", // line 60
            allow_ip_spoofing: "true", // line 61
            allow_mac_spoofing: "true", // line 62
            allow_restricted_traffic: "true", // line 63
            allow_unfiltered_promisc: "true", // line 64
            vrrp_vrid: "1", // line 65
            vrrp_primary_ip: "10.10.10.10", // line 66
            primary: "true", // line 67
          },
        },
      ],
      resources: [
        // lines 40-43
        {
          type: "fs",
          props: {
            dir: "/gz_var_tmp",
            special: "/var/tmp",
            raw: "/dev/var/tmp",
            type: "lofs",
          },
          lists: { options: ["ro", "nodevices"] },
        },
        { type: "capped-cpu", props: { ncpus: "8.00" } }, // lines 34-36: cpu-cap 800
        { type: "capped-memory", props: { physical: "256M", locked: "256M", swap: "256M" } }, // lines 19-27
        attr("vm-version", "1"), // line 7
        attr("create-timestamp", "2014-02-17T10:17:28.739Z"), // line 8
        attr("dataset-uuid", "01b2c898-945f-11e1-a523-af1afbe22822"), // line 9
        attr("billing-id", "00000000-0000-0000-0000-000000000000"), // line 28
        attr("owner-uuid", "00000000-0000-0000-0000-000000000000"), // line 29
        attr("tmpfs", "256"), // line 30
        attr("alias", "dGhlIHdvcmtz"), // line 32
        attr("archive-on-delete", "true"), // line 33
        attr("default-gateway", "10.10.10.1"), // line 37
        attr("do-not-inventory", "true"), // line 38
        attr("dns-domain", "joyent.io"), // line 39
        attr("firewall-enabled", "true"), // line 44
        attr("hostname", "maximum"), // line 45
        attr("init-name", "/sbin/init"), // line 46
        attr("maintain-resolvers", "true"), // line 47
        attr("package-name", "g6-kitchen-sink"), // line 69
        attr("package-version", "1.0.0"), // line 70
        attr("resolvers", "4.2.2.1,4.2.2.2"), // line 71
        attr("restart-init", "false"), // line 72
        attr("transition", "stopping:stopped:2147483647"), // line 73
        { type: "dataset", props: { name: "zones/e9f6d7c2-49c5-4b54-9414-ca1405663e4f/data" } }, // line 31
        rctl("zone.cpu-shares", "100", "none"), // lines 10-12
        rctl("zone.zfs-io-priority", "100", "none"), // lines 13-15
        rctl("zone.max-lwps", "2000", "deny"), // lines 16-18
        rctl("zone.max-physical-memory", "268435456", "deny"), // lines 19-21
        rctl("zone.max-locked-memory", "268435456", "deny"), // lines 22-24
        rctl("zone.max-swap", "268435456", "deny"), // lines 25-27
        rctl("zone.cpu-cap", "800", "deny"), // lines 34-36
      ],
    });
  });

  it("reads bhyve-disk-sort.xml: a comment before the DOCTYPE, devices with net-attr", () => {
    const info = parseZoneXml(fixture("bhyve-disk-sort.xml"));
    expect(info).toEqual({
      zonename: "aaac8650-4b58-6633-9054-a2c22e7beb36", // line 6
      zonepath: "/zones/aaac8650-4b58-6633-9054-a2c22e7beb36",
      brand: "bhyve",
      autoboot: false,
      ipType: "exclusive",
      props: {
        limitpriv: "default,-file_link_any,-net_access,-proc_fork,-proc_info,-proc_session", // line 6
        // aliased rctls (cpu-shares, max-lwps, …) are not props: info prints them as rctl blocks too, and the typed value keeps the block alone
      },
      // line 51, its net-attr children lines 52-58
      nets: [
        {
          physical: "net0",
          macAddr: "b2:f6:32:07:6c:3b",
          globalNic: "admin",
          properties: {
            gateway: "10.88.88.2",
            gateways: "10.88.88.2",
            netmask: "255.255.255.0",
            ip: "10.88.88.221",
            ips: "10.88.88.221/24",
            model: "virtio",
            primary: "true",
          },
        },
      ],
      resources: [
        // lines 43-50
        dev("/dev/zvol/rdsk/zones/aaac8650-4b58-6633-9054-a2c22e7beb36/disk1", [
          ["boot", "false"],
          ["model", "virtio"],
          ["media", "disk"],
          ["size", "256"],
          ["pci-slot", "0:4:1"],
          ["uuid", "4869641c-555b-6809-bd97-b9fc2a84e1b9"],
        ]),
        // lines 64-72
        dev("/dev/zvol/rdsk/zones/aaac8650-4b58-6633-9054-a2c22e7beb36/disk0", [
          ["boot", "true"],
          ["model", "virtio"],
          ["media", "disk"],
          ["image-size", "10240"],
          ["image-uuid", "cf6b54f9-2952-4213-ba84-b6f64a7ec229"],
          ["pci-slot", "0:4:0"],
          ["uuid", "11adf075-d948-6518-eaa7-fab9fcadb934"],
        ]),
        { type: "capped-memory", props: { physical: "2.2G", locked: "2.2G", swap: "2.2G" } }, // lines 30-38
        attr("vm-version", "1"), // line 7
        attr("create-timestamp", "2019-05-23T15:54:24.802Z"), // line 8
        attr("billing-id", "00000000-0000-0000-0000-000000000000"), // line 39
        attr("owner-uuid", "00000000-0000-0000-0000-000000000000"), // line 40
        attr("ram", "1024"), // line 41
        attr("vcpus", "2"), // line 42
        attr("com1", "/dev/zconsole"), // line 60
        attr("com2", "socket,/tmp/vm.ttyb"), // line 61
        attr("zlog-mode", "g--"), // line 62
        attr("zlog-name", "platform.log"), // line 63
        rctl("zone.cpu-shares", "100", "none"), // lines 9-11
        rctl("zone.max-lwps", "2000", "deny"), // lines 12-14
        rctl("zone.max-msg-ids", "4096", "deny"), // lines 15-17
        rctl("zone.max-sem-ids", "4096", "deny"), // lines 18-20
        rctl("zone.max-shm-ids", "4096", "deny"), // lines 21-23
        rctl("zone.max-shm-memory", "2415919104", "deny"), // lines 24-26
        rctl("zone.zfs-io-priority", "100", "none"), // lines 27-29
        rctl("zone.max-physical-memory", "2415919104", "deny"), // lines 30-32
        rctl("zone.max-locked-memory", "2415919104", "deny"), // lines 33-35
        rctl("zone.max-swap", "2415919104", "deny"), // lines 36-38
      ],
    });
  });
});

describe("parseZoneXml on what is not a zone file", () => {
  it("refuses an entity declared in the DOCTYPE instead of expanding it", () => {
    const text =
      '<?xml version="1.0"?>\n<!DOCTYPE zone [<!ENTITY x "boom">]>\n<zone name="&x;" autoboot="false"/>\n';
    expect(() => parseZoneXml(text)).toThrow();
  });

  it("decodes the five predefined entities and character references", () => {
    const text = '<zone name="a" zonepath="/z/&amp;&lt;&gt;&quot;&apos;&#65;" autoboot="false"/>';
    expect(parseZoneXml(text).zonepath).toBe("/z/&<>\"'A");
  });

  it("refuses a file cut short, and a root element other than <zone>", () => {
    expect(() => parseZoneXml('<zone name="a" autoboot="false">\n  <attr name="x"')).toThrow();
    expect(() => parseZoneXml('<zones name="a"/>')).toThrow(/not <zone>/);
    expect(() => parseZoneXml("")).toThrow();
  });

  it("gives an upstream <mcap physcap> as capped-memory physical in info's units", () => {
    const text = '<zone name="a" autoboot="false"><mcap physcap="2147483648"/></zone>';
    expect(parseZoneXml(text).resources).toEqual([
      { type: "capped-memory", props: { physical: "2G" } },
    ]);
  });
});
