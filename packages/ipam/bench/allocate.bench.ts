// Allocation cost follows the number of used addresses, never the size of the range.
// Goal (SPEC §1): a /16 with 60,000 used under 20 ms; a /8 and an IPv6 /64 instant.
// Each iteration parses the used set from strings, as zmgr does when it reads the zone files.
import { bench, describe } from "vitest";
import { IpPool } from "../src/index.js";

const slash24 = IpPool.from({
  name: "internal",
  network: "10.1.0.0/24",
  gateway: "10.1.0.1",
  range: { start: "10.1.0.10", end: "10.1.0.250" },
  reserve: ["10.1.0.53", "10.1.0.54"],
});
const used24 = Array.from({ length: 200 }, (_, i) => `10.1.0.${i + 10}/24`);

const slash16 = IpPool.from({
  name: "b",
  network: "10.0.0.0/16",
  range: { start: "10.0.0.1", end: "10.0.255.254" },
});
const used16 = Array.from({ length: 60_000 }, (_, i) => `10.0.${(i + 1) >> 8}.${(i + 1) & 255}/16`);

const slash8 = IpPool.from({
  name: "c",
  network: "10.0.0.0/8",
  range: { start: "10.0.0.1", end: "10.255.255.254" },
});
const used8 = Array.from({ length: 1000 }, (_, i) => `10.0.${i >> 8}.${(i & 255) + 1}`);

const slash64 = IpPool.from({
  name: "d",
  network: "2001:db8::/64",
  gateway: "2001:db8::1",
  range: { start: "2001:db8::1", end: "2001:db8::ffff:ffff:ffff:ffff" },
});
const used64 = Array.from({ length: 1000 }, (_, i) => `2001:db8::${(i + 2).toString(16)}/64`);

describe("allocate one address", () => {
  bench("/24 with 200 used", () => {
    slash24.allocate(used24);
  });
  bench("/16 with 60,000 used (goal < 20 ms)", () => {
    slash16.allocate(used16);
  });
  bench("/8 empty", () => {
    slash8.allocate([]);
  });
  bench("/8 with 1,000 used", () => {
    slash8.allocate(used8);
  });
  bench("IPv6 /64 with 1,000 used", () => {
    slash64.allocate(used64);
  });
});
