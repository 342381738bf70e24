// Hand-written key fields of each captured sample (fixtures/captures, fixtures/peer-captures).
// Written by reading the samples, never by running a parser: the oracle of samples.test.ts.

/** Key fields of one `zoneadm list -p` line. An absent key means "absent in the parsed entry". */
export interface ListKey {
  id?: number;
  name: string;
  state: string;
  zonepath?: string;
  brand: string;
  ipType: "exclusive" | "shared";
  debugId?: string;
  extraFields?: string[];
}

/** Key fields of one `zoneadm list -v` row. */
export interface VerboseKey {
  id?: number;
  name: string;
  state: string;
  zonepath?: string;
  brand: string;
  ipType: "exclusive" | "shared";
}

/** Key fields of one zonecfg `net` resource. */
export interface NetKey {
  physical?: string;
  address?: string;
  allowedAddress?: string;
  defrouter?: string;
  globalNic?: string;
  /** OmniOS/SmartOS `property: (name=N,value="V")` lines, name → value. */
  properties?: Record<string, string>;
  /** Properties zmgr does not model (Solaris `configure-allowed-address`), raw. */
  otherProps?: Record<string, string>;
}

/** What one resource (by type and position among resources of that type) must hold. */
export interface ResourceCheck {
  type: string;
  /** 0-based among the resources of this type. */
  index: number;
  props?: Record<string, string>;
  lists?: Record<string, string[]>;
  /** An unknown block: its raw text starts with this line and has this many lines. */
  raw?: { firstLine: string; lines: number };
}

/** Key fields of a `zonecfg info` / `export` view. */
export interface ZoneKey {
  zonename: string;
  zonepath?: string;
  brand?: string;
  autoboot: boolean;
  ipType: "exclusive" | "shared";
  /** Every other top-level property with a value, exactly. */
  props: Record<string, string>;
  nets: NetKey[];
  /** Number of non-net resources per type, exactly. */
  resourceCounts: Record<string, number>;
  checks?: ResourceCheck[];
}

export type SampleExpectation =
  | { kind: "zoneadm-list-p"; zones: ListKey[] }
  | { kind: "zoneadm-list-v"; zones: VerboseKey[] }
  | { kind: "zonecfg-info"; zone: ZoneKey }
  | { kind: "zonecfg-export"; zonename: string; zone: ZoneKey }
  | { kind: "dladm-table"; rows: Record<string, string>[] }
  | { kind: "dladm-parsable"; fields: string[]; rows: Record<string, string>[] }
  /** stderr of zonecfg for an unknown zone (`isNoSuchZone`). */
  | { kind: "zonecfg-no-such-zone"; zone: string }
  /** stderr of `dladm show-vnic NAME` for a missing VNIC (IllumosHost.showVnic → undefined). */
  | { kind: "dladm-object-not-found"; link: string }
  /** Not read by any parser: `test` names the test that reproduces or reads it. */
  | { kind: "unparsed"; reason: string; test: string };

/** Sample path (relative to fixtures/) → its expectation. */
export type SampleGroup = Record<string, SampleExpectation>;
