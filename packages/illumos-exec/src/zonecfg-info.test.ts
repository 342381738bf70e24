import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCapture } from "./test-captures.js";
import { parseZonecfgExport, tokenizeZonecfg } from "./zonecfg-export.js";
import { isNoSuchZone, parseZonecfgInfo } from "./zonecfg-info.js";

describe("parseZonecfgInfo", () => {
  it("reads the OmniOS capture with empty top-level values", () => {
    expect(parseZonecfgInfo(readCapture("zonecfg-info.1.txt"))).toEqual({
      zonename: "test",
      zonepath: "/zones/test",
      brand: "pkgsrc",
      autoboot: false,
      ipType: "exclusive",
      props: {},
      nets: [],
      resources: [],
    });
  });

  it("reads TAB-indented resources, not-specified props and several nets on one physical", () => {
    const text = [
      "zonename: web",
      "zonepath: /zones/web",
      "brand: lipkg",
      "autoboot: true",
      "bootargs: ",
      "pool: ",
      "ip-type: exclusive",
      "hostid: ",
      "[cpu-shares: 20]",
      "fs:",
      "\tdir: /data",
      "\tspecial: /export/my data",
      "\traw not specified",
      "\ttype: lofs",
      "\toptions: [ro,nodevices]",
      "net:",
      "\taddress not specified",
      "\tallowed-address: 10.1.0.5/24",
      "\tdefrouter: 10.1.0.1",
      "\tglobal-nic not specified",
      "\tmac-addr: 2:8:20:55:0:5d",
      "\tphysical: web0",
      "\tvlan-id not specified",
      "net:",
      "\tallowed-address: 2001:db8::5/64",
      "\tphysical: web0",
      "\tdefrouter: fe80::1",
      "capped-memory:",
      "\tphysical: 2G",
      "\t[swap: 4G]",
      "attr:",
      "\tname: resolvers",
      "\ttype: string",
      '\tvalue: "9.9.9.9 1.1.1.1"',
      "rctl:",
      "\tname: zone.cpu-shares",
      "\tvalue: (priv=privileged,limit=20,action=none)",
      "",
    ].join("\n");
    const info = parseZonecfgInfo(text);
    expect(info.autoboot).toBe(true);
    expect(info.props).toEqual({}); // [cpu-shares: 20] is the alias of the rctl block below
    expect(info.nets).toEqual([
      {
        allowedAddress: "10.1.0.5/24",
        defrouter: "10.1.0.1",
        macAddr: "2:8:20:55:0:5d",
        physical: "web0",
      },
      { allowedAddress: "2001:db8::5/64", physical: "web0", defrouter: "fe80::1" },
    ]);
    expect(info.resources).toEqual([
      {
        type: "fs",
        props: {
          dir: "/data",
          special: "/export/my data",
          type: "lofs",
        },
        lists: { options: ["ro", "nodevices"] },
      },
      { type: "capped-memory", props: { physical: "2G", swap: "4G" } },
      { type: "attr", props: { name: "resolvers", type: "string", value: "9.9.9.9 1.1.1.1" } },
      {
        type: "rctl",
        props: { name: "zone.cpu-shares" },
        lists: { value: ["(priv=privileged,limit=20,action=none)"] },
      },
    ]);
  });

  it("reads space-indented (pasted) shared-IP output", () => {
    const text =
      "zonename: old\nzonepath: /zones/old\nbrand: ipkg\nautoboot: false\nip-type: shared\n" +
      "net:\n        address: 192.168.1.10/24\n        physical: e1000g0\n        defrouter: 192.168.1.1\n" +
      "net:\n        address: 2001:db8::10/64\n        physical: e1000g0\n        defrouter not specified\n";
    const info = parseZonecfgInfo(text);
    expect(info.ipType).toBe("shared");
    expect(info.nets).toEqual([
      { address: "192.168.1.10/24", physical: "e1000g0", defrouter: "192.168.1.1" },
      { address: "2001:db8::10/64", physical: "e1000g0" },
    ]);
  });

  it("keeps an rctl alias only when its rctl block is not there", () => {
    expect(parseZonecfgInfo("zonename: x\n[cpu-shares: 4]\n[max-lwps: 10]\n").props).toEqual({
      "cpu-shares": "4",
      "max-lwps": "10",
    });
  });

  it("orders resources as info prints them, whatever order the text had", () => {
    const info = parseZonecfgExport(
      "create -b\nadd rctl\nset name=zone.max-lwps\nend\nadd dataset\nset name=a\nend\nadd fs\nset dir=/d\nend\nadd anet\nend\nadd attr\nset name=n\nend\n",
      "x",
    );
    expect(info.resources.map((r) => r.type)).toEqual(["fs", "attr", "dataset", "rctl", "anet"]);
  });

  it("treats a missing ip-type as shared and missing zonepath/brand as absent", () => {
    const info = parseZonecfgInfo(
      "zonename: x\nzonepath not specified\nbrand not specified\nautoboot: false\n",
    );
    expect(info).toMatchObject({ zonename: "x", ipType: "shared" });
    expect("zonepath" in info || "brand" in info).toBe(false);
  });
});

describe("isNoSuchZone", () => {
  it("recognises zonecfg's answer for an unknown zone (captures)", () => {
    expect(isNoSuchZone(readCapture("zonecfg-info-noexist.1.txt"), "dev")).toBe(true);
    expect(
      isNoSuchZone(readCapture("zonecfg-noexist.1.txt").split("\n")[0] ?? "", "firstzone"),
    ).toBe(true);
    expect(isNoSuchZone(readCapture("zonecfg-info-noexist.1.txt"), "other")).toBe(false);
    expect(isNoSuchZone("zoneadm: web: No such zone configured\n", "web")).toBe(true);
    expect(isNoSuchZone("web: Permission denied\n", "web")).toBe(false);
  });
});

describe("parseZonecfgExport", () => {
  it("reads the current always-quoted export format", () => {
    const text =
      "create -b\nset zonepath=/zones/web\nset brand=ipkg\nset autoboot=false\nset ip-type=exclusive\n" +
      'add fs\nset dir="/data"\nset special="/export/data"\nset type="lofs"\nadd options [ro,nodevices]\nend\n' +
      'add net\nset allowed-address="10.0.0.5/24"\nset physical="vnic0"\nset defrouter="10.0.0.1"\nend\n' +
      'add net\nset allowed-address="2001:db8::5/64"\nset physical="vnic0"\nadd property (name=mtu,value="9000")\nend\n';
    const info = parseZonecfgExport(text, "web");
    expect(info).toMatchObject({
      zonename: "web",
      zonepath: "/zones/web",
      brand: "ipkg",
      ipType: "exclusive",
    });
    expect(info.nets).toEqual([
      { allowedAddress: "10.0.0.5/24", physical: "vnic0", defrouter: "10.0.0.1" },
      { allowedAddress: "2001:db8::5/64", physical: "vnic0", properties: { mtu: "9000" } },
    ]);
    expect(info.resources).toEqual([
      {
        type: "fs",
        props: { dir: "/data", special: "/export/data", type: "lofs" },
        lists: { options: ["ro", "nodevices"] },
      },
    ]);
  });

  it("reads the old space-only quoting", () => {
    const info = parseZonecfgExport(
      'create -b\nset zonepath=/z/a\nadd attr\nset name=motd\nset value="hello world"\nend\n',
      "a",
    );
    expect(info.resources).toEqual([
      { type: "attr", props: { name: "motd", value: "hello world" } },
    ]);
  });

  it("keeps an old export's unquoted value with '=' whole", () => {
    const info = parseZonecfgExport(
      "create -b\nadd attr\nset name=vcpus\nset value=cpus=16,sockets=2\nend\n",
      "a",
    );
    expect(info.resources[0]?.props.value).toBe("cpus=16,sockets=2");
  });

  it("keeps a resource of an unknown type as raw commands, apart from the zone's props", () => {
    const info = parseZonecfgExport(
      "create -b\nset brand=solaris\nadd anet\nset linkname=net0\nend\n",
      "w",
    );
    expect(info.props).toEqual({});
    expect(info.resources).toEqual([
      { type: "anet", props: { linkname: "net0" }, raw: "add anet\nset linkname=net0\nend" },
    ]);
  });

  it("tokenizes like zonecfg's lexer", () => {
    expect(
      tokenizeZonecfg(
        'add net; set physical="a;b" # no\n# comment\nset x=1,2\nadd options [a,"b c"]',
      ),
    ).toEqual([
      ["add", "net"],
      ["set", "physical", "=", "a;b", "#", "no"],
      ["set", "x", "=", "1,2"],
      ["add", "options", "[", "a", ",", "b c", "]"],
    ]);
    expect(tokenizeZonecfg('add property (name=ips,value="1.2.3.4/24")\r\n')).toEqual([
      ["add", "property", "(", "name", "=", "ips", ",", "value", "=", "1.2.3.4/24", ")", "\r"],
    ]);
  });
});

describe("parseZonecfgInfo properties", () => {
  const addr = fc.oneof(
    fc.ipV4().map((a) => `${a}/24`),
    fc.ipV6().map((a) => `${a}/64`),
  );
  const netArb = fc.record(
    {
      allowedAddress: addr,
      physical: fc.stringMatching(/^[a-z_]{1,8}[1-9][0-9]{0,2}$/),
      defrouter: fc.oneof(fc.ipV4(), fc.ipV6()),
    },
    { requiredKeys: ["physical"] },
  );

  it("reads back any set of exclusive-IP nets, TAB- or space-indented", () => {
    fc.assert(
      fc.property(
        fc.array(netArb, { maxLength: 5 }),
        fc.constantFrom("\t", "        "),
        (nets, indent) => {
          const prop = (key: string, value: string | undefined) =>
            value === undefined ? `${indent}${key} not specified` : `${indent}${key}: ${value}`;
          const text = [
            "zonename: z",
            "zonepath: /zones/z",
            "brand: lipkg",
            "autoboot: false",
            "bootargs: ",
            "ip-type: exclusive",
            ...nets.flatMap((n) => [
              "net:",
              prop("address", undefined),
              prop("allowed-address", n.allowedAddress),
              prop("physical", n.physical),
              prop("defrouter", n.defrouter),
            ]),
            "",
          ].join("\n");
          expect(parseZonecfgInfo(text).nets).toEqual(nets);
        },
      ),
    );
  });
});
