import { bench, describe } from "vitest";
import { locate } from "../src/locate.js";
import { parseDocument } from "../src/parse.js";
import { updateDocument } from "../src/update.js";

const zone = `zone "router1" {
  template "router"
  net "internal" { address "10.1.0.11/24"; gateway "10.1.0.1"; vnic "router10"; stub "oinetint0"; pool "internal"; }
  net "public" { address "203.0.113.10/24" "2001:db8:1::10/64"; gateway "203.0.113.1" "2001:db8:1::1"; vnic "router1pub1"; stub "pubstub0"; pool "public" "public-v6"; }
  created "2026-03-22"
}
`;
const parsed = parseDocument("zone", zone, "zones/router1.kdl");

describe("small zone file", () => {
  bench("parseDocument (plain parse, the common path)", () => {
    parseDocument("zone", zone, "zones/router1.kdl");
  });

  bench("locate (re-parse with locations, on demand)", () => {
    locate(zone, "zones/router1.kdl", ["zone", "net", "1", "address", "1"]);
  });

  bench("updateDocument (drop a status: parse + edit + format)", () => {
    updateDocument(parsed, { ...parsed.value!, status: { state: "creating", pid: 1 } });
  });
});
