import { parseZonecfgInfo } from "@zmgr/illumos-exec";
import { describe, expect, it } from "vitest";
import { hostUsedAddresses } from "./used-addresses.js";

// The net block of an OmniOS lx zone as illumos-omnios PR 169 shows it (shared/illumos/
// peer-captures/omniosorg-issues/zonecfg-info-net-lx-property.txt): the address lives only in a
// `property` line.
const LX_NET = [
  "zonename: deb",
  "brand: lx",
  "ip-type: exclusive",
  "net:",
  "        address not specified",
  "        allowed-address not specified",
  "        defrouter not specified",
  "        physical: deb0",
  '        property: (name=ips,value="172.30.1.129/26")',
  '        property: (name=primary,value="true")',
  '        property: (name=gateway,value="172.30.1.254")',
  "",
].join("\n");

describe("hostUsedAddresses", () => {
  it("counts an lx zone's property-line address as used, so create never hands it out again", () => {
    const facts = {
      zones: [],
      links: [],
      vnics: [],
      zoneConfigs: new Map([["deb", parseZonecfgInfo(LX_NET)]]),
    };
    expect(hostUsedAddresses(facts)).toEqual(["172.30.1.129/26"]);
  });
});
