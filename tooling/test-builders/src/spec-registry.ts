import type { Files } from "./files.js";

/** The registry exactly as SPEC.md §1 documents it (the original tool's formats). */
export const SPEC_REGISTRY: Files = {
  "config.kdl": `zonepath-prefix "/zones"
default-template "oi"
command-prefix "pfexec"
`,
  "templates/router.kdl": `template "router" {
  brand "ipkg"
  autoboot #true
  ip-type "exclusive"
  net "internal" { pool "internal"; }
  net "public" { pool "public" "public-v6"; vnic "{zone}pub{index}"; }
  publisher "openindiana.org"
  capped-memory "2G"
  cpu-shares 20
  fs "/export/data" "/data" readonly=#true     // lofs mount: special, dir
  dataset "tank/router"
  attr "resolvers" "9.9.9.9,149.112.112.112"
  install-args "-e" "ooce/editor/vim"
}
`,
  "templates/oi.kdl": `template "oi" {
  brand "ipkg"
  autoboot #false
  net "internal" { pool "internal"; }
}
`,
  "pools/internal.kdl": `pool "internal" {
  network "10.1.0.0/24"
  gateway "10.1.0.1"
  stub "oinetint0"
  range-start "10.1.0.10"
  range-end "10.1.0.250"
  reserve "10.1.0.53" "10.1.0.54"      // optional, never handed out
}
`,
  "pools/public.kdl": `pool "public" {
  network "203.0.113.0/24"
  gateway "203.0.113.1"
  stub "pubstub0"
  addresses "203.0.113.10" "203.0.113.11" "203.0.113.20"
}
`,
  "pools/public-v6.kdl": `pool "public-v6" {
  network "2001:db8:1::/64"
  gateway "2001:db8:1::1"
  stub "pubstub0"
  range-start "2001:db8:1::10"
  range-end "2001:db8:1::ff"
}
`,
  "zones/router1.kdl": `zone "router1" {
  template "router"
  net "internal" { address "10.1.0.11/24"; gateway "10.1.0.1"; vnic "router10"; stub "oinetint0"; pool "internal"; }
  net "public" { address "203.0.113.10/24" "2001:db8:1::10/64"; gateway "203.0.113.1" "2001:db8:1::1"; vnic "router1pub1"; stub "pubstub0"; pool "public" "public-v6"; }
  created "2026-03-22"
}
`,
  "zones/myzone.kdl": `zone "myzone" { template "oi"; address "10.1.0.10/24"; gateway "10.1.0.1"; vnic "myzone0"; stub "oinetint0"; created "2026-03-22"; }
`,
  "publishers/openindiana.org.kdl": `publisher "openindiana.org" { origin "https://pkg.openindiana.org/hipster" }
`,
};
