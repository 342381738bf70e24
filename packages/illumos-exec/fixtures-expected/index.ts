import { CAPTURES } from "./captures.js";
import { TABLES } from "./tables.js";
import type { SampleGroup } from "./types.js";
import { ZONEADM_LISTS } from "./zoneadm-lists.js";
import { ZONECFG_OMNIOS } from "./zonecfg-omnios.js";
import { ZONECFG_SOLARIS } from "./zonecfg-solaris.js";

/** Every sample's expectation, keyed by its path under fixtures/. */
export const EXPECTED: SampleGroup = {
  ...CAPTURES,
  ...ZONEADM_LISTS,
  ...TABLES,
  ...ZONECFG_OMNIOS,
  ...ZONECFG_SOLARIS,
};
