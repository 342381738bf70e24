import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UnsafeValueError } from "./errors.js";
import { parseZonecfgExport } from "./zonecfg-export.js";
import {
  buildZonecfgScript,
  checkAddressFieldLength,
  checkZonecfgValue,
  quoteZonecfgValue,
  type ZoneConfigSpec,
} from "./zonecfg-script.js";

const base: ZoneConfigSpec = {
  zonepath: "/zones/web",
  brand: "ipkg",
  autoboot: true,
  ipType: "exclusive",
  fs: [],
  datasets: [],
  attrs: [],
  nets: [],
};

describe("buildZonecfgScript", () => {
  it("writes a dual-stack exclusive-IP zone as two net resources on one VNIC", () => {
    const script = buildZonecfgScript({
      ...base,
      cappedMemory: "2G",
      cpuShares: 20,
      fs: [{ dir: "/data", special: "/export/data", readonly: true }],
      datasets: ["tank/web"],
      attrs: [{ name: "resolvers", value: "9.9.9.9,149.112.112.112" }],
      nets: [
        { physical: "web0", address: "10.1.0.5/24", defrouter: "10.1.0.1" },
        { physical: "web0", address: "2001:db8::5/64", defrouter: "2001:db8::1" },
      ],
    });
    expect(script).toBe(
      [
        "create -b",
        'set zonepath="/zones/web"',
        'set brand="ipkg"',
        'set autoboot="true"',
        'set ip-type="exclusive"',
        "add capped-memory",
        'set physical="2G"',
        "end",
        'set cpu-shares="20"',
        "add fs",
        'set dir="/data"',
        'set special="/export/data"',
        'set type="lofs"',
        "add options [ro]",
        "end",
        "add dataset",
        'set name="tank/web"',
        "end",
        "add attr",
        'set name="resolvers"',
        'set type="string"',
        'set value="9.9.9.9,149.112.112.112"',
        "end",
        "add net",
        'set physical="web0"',
        'set allowed-address="10.1.0.5/24"',
        'set defrouter="10.1.0.1"',
        "end",
        "add net",
        'set physical="web0"',
        'set allowed-address="2001:db8::5/64"',
        'set defrouter="2001:db8::1"',
        "end",
        "verify",
        "commit",
        "",
      ].join("\n"),
    );
  });

  it("writes shared-IP nets with address= on the stub and a router only for IPv4", () => {
    const script = buildZonecfgScript({
      ...base,
      ipType: "shared",
      autoboot: false,
      nets: [
        { physical: "net0", address: "192.168.1.10/24", defrouter: "192.168.1.1" },
        { physical: "net0", address: "2001:db8::10/64", defrouter: "2001:db8::1" },
      ],
    });
    expect(script).toContain(
      'add net\nset physical="net0"\nset address="192.168.1.10/24"\nset defrouter="192.168.1.1"\nend\n',
    );
    expect(script).toContain('add net\nset physical="net0"\nset address="2001:db8::10/64"\nend\n');
    expect(script).not.toContain("allowed-address");
    expect(script).not.toContain('2001:db8::1"');
  });

  it("leaves out fs options when the mount is writable", () => {
    expect(
      buildZonecfgScript({ ...base, fs: [{ dir: "/d", special: "/s", readonly: false }] }),
    ).not.toContain("options");
  });

  it("refuses quotes, newlines and control characters in any value", () => {
    expect(() => buildZonecfgScript({ ...base, zonepath: '/zones/"x"' })).toThrow(UnsafeValueError);
    expect(() => buildZonecfgScript({ ...base, attrs: [{ name: "motd", value: "a\nb" }] })).toThrow(
      /newline/,
    );
    expect(() => buildZonecfgScript({ ...base, datasets: ["tank/\u0007"] })).toThrow(
      /control character/,
    );
    const error = (() => {
      try {
        buildZonecfgScript({ ...base, brand: 'ip"kg' });
      } catch (e) {
        return e as UnsafeValueError;
      }
    })();
    expect(error?.code).toBe("zmgr::exec::unsafe_value");
    expect(error?.details).toEqual({ field: "brand", value: 'ip"kg' });
  });

  it("refuses a comma in address fields but not elsewhere", () => {
    expect(() =>
      buildZonecfgScript({
        ...base,
        nets: [{ physical: "web0", address: "10.1.0.5/24,2001:db8::5/64" }],
      }),
    ).toThrow(/comma/);
    expect(() =>
      buildZonecfgScript({
        ...base,
        nets: [{ physical: "web0", address: "10.1.0.5/24", defrouter: "10.1.0.1,10.1.0.2" }],
      }),
    ).toThrow(/defrouter/);
    expect(quoteZonecfgValue("value", "a,b")).toBe('"a,b"');
  });

  it("produces a script whose values read back unchanged through zonecfg's lexer rules", () => {
    const safe = fc.string({
      unit: fc.constantFrom("a", "/", " ", ";", "=", "[", "]", "(", ",", "#", "\\", ":", "é"),
      minLength: 1,
    });
    fc.assert(
      fc.property(safe, safe, safe, (zonepath, special, value) => {
        const script = buildZonecfgScript({
          ...base,
          zonepath,
          fs: [{ dir: "/d", special, readonly: false }],
          attrs: [{ name: "x", value }],
        });
        const info = parseZonecfgExport(script, "web");
        expect(info.zonepath).toBe(zonepath);
        expect(info.resources[0]?.props.special).toBe(special);
        expect(info.resources[1]?.props.value).toBe(value);
      }),
    );
  });
});

describe("checkZonecfgValue", () => {
  it("names the problem without throwing, for validation", () => {
    expect(checkZonecfgValue("allowed-address", "10.1.0.5/24")).toBeUndefined();
    expect(checkZonecfgValue("allowed-address", "10.1.0.5/24,10.1.0.6/24")).toMatch(/comma/);
    expect(checkZonecfgValue("value", 'say "hi"')).toMatch(/double quote/);
    expect(checkZonecfgValue("value", "tab\there")).toMatch(/control character/);
    expect(checkZonecfgValue("value", "a,b; c=d [e]")).toBeUndefined();
  });
});

describe("checkAddressFieldLength", () => {
  it("accepts the DUALSTACK example of 27 characters", () => {
    expect(checkAddressFieldLength(["10.1.0.5/24", "2001:db8::5/64"])).toBeUndefined();
  });
  it("refuses more than 45 characters, counting a comma after every address", () => {
    const v6 = "2001:db8:1234:5678:9abc::1/64"; // 29 characters
    expect(checkAddressFieldLength(["198.51.100.123/24", v6])).toMatch(/48 characters.*at most 45/);
    expect(checkAddressFieldLength([`${"1".repeat(44)}`])).toBeUndefined();
    expect(checkAddressFieldLength([`${"1".repeat(45)}`])).toMatch(/46 characters/);
  });
});

describe("net add/remove scripts", () => {
  it("adds one resource per address and removes each by physical and address", async () => {
    const { buildAddNetScript, buildRemoveNetScript } = await import("./zonecfg-script.js");
    const nets = [
      { physical: "web1_1", address: "203.0.113.10/24", defrouter: "203.0.113.1" },
      { physical: "web1_1", address: "2001:db8:1::10/64", defrouter: "2001:db8:1::1" },
    ];
    expect(buildAddNetScript("exclusive", nets)).toBe(
      [
        "add net",
        'set physical="web1_1"',
        'set allowed-address="203.0.113.10/24"',
        'set defrouter="203.0.113.1"',
        "end",
        "add net",
        'set physical="web1_1"',
        'set allowed-address="2001:db8:1::10/64"',
        'set defrouter="2001:db8:1::1"',
        "end",
        "verify",
        "commit",
        "",
      ].join("\n"),
    );
    expect(buildRemoveNetScript("exclusive", nets)).toBe(
      'remove net physical="web1_1" allowed-address="203.0.113.10/24"\n' +
        'remove net physical="web1_1" allowed-address="2001:db8:1::10/64"\ncommit\n',
    );
    expect(buildRemoveNetScript("shared", [{ physical: "net0", address: "192.0.2.5/24" }])).toBe(
      'remove net physical="net0" address="192.0.2.5/24"\ncommit\n',
    );
  });
});
