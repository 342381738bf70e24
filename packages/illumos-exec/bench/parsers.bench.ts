import { bench, describe } from "vitest";
import { formatDladmParsable, parseDladmParsable } from "../src/dladm-parse.js";
import { defaultVnicName } from "../src/names.js";
import { formatZoneadmLine, parseZoneadmList } from "../src/zoneadm-list.js";
import { parseZonecfgInfo } from "../src/zonecfg-info.js";
import { buildZonecfgScript } from "../src/zonecfg-script.js";

// A host with 1000 zones and 2000 VNICs: `zmgr validate` with host facts parses all of it.
const zoneList = Array.from({ length: 1000 }, (_, i) =>
  formatZoneadmLine({
    id: i % 3 === 0 ? undefined : i,
    name: `zone-${i}`,
    state: i % 3 === 0 ? "installed" : "running",
    zonepath: `/zones/zone-${i}`,
    uuid: "16cdefe0-8c20-6b4c-c53d-d1ea32eb3d1b",
    brand: "lipkg",
    ipType: "exclusive",
    debugId: String(i),
  }),
).join("\n");
const vnicFields = ["link", "over", "macaddress", "vid"];
const vnics = formatDladmParsable(
  Array.from({ length: 2000 }, (_, i) => ({
    link: `vnic${i}`,
    over: "oinetint0",
    macaddress: "2:8:20:38:a5:d6",
    vid: "0",
  })),
  vnicFields,
);
const info = [
  "zonename: web",
  "zonepath: /zones/web",
  "brand: lipkg",
  "autoboot: true",
  "ip-type: exclusive",
  ...Array.from(
    { length: 4 },
    (_, i) =>
      `net:\n\taddress not specified\n\tallowed-address: 10.1.0.${i}/24\n\tphysical: web0\n\tdefrouter: 10.1.0.1`,
  ),
].join("\n");

describe("parsers", () => {
  bench("parseZoneadmList, 1000 zones", () => {
    parseZoneadmList(zoneList);
  });
  bench("parseDladmParsable, 2000 VNICs", () => {
    parseDladmParsable(vnics, vnicFields);
  });
  bench("parseZonecfgInfo, 4 nets", () => {
    parseZonecfgInfo(info);
  });
});

describe("builders", () => {
  bench("buildZonecfgScript, dual-stack zone", () => {
    buildZonecfgScript({
      zonepath: "/zones/web",
      brand: "lipkg",
      autoboot: true,
      ipType: "exclusive",
      fs: [{ dir: "/data", special: "/export/data", readonly: true }],
      datasets: [],
      attrs: [],
      nets: [
        { physical: "web0", address: "10.1.0.5/24", defrouter: "10.1.0.1" },
        { physical: "web0", address: "2001:db8::5/64", defrouter: "2001:db8::1" },
      ],
    });
  });
  bench("defaultVnicName", () => {
    defaultVnicName("serv-backup-with-a-very-long-zone-name-0", 3);
  });
});
