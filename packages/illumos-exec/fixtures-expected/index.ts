import { CAPTURES } from "./captures.js";
import { OMICRON } from "./omicron.js";
import { TABLES } from "./tables.js";
import type { SampleGroup } from "./types.js";
import { ZONEADM_LISTS } from "./zoneadm-lists.js";
import { ZONEADM_LISTS_SOLARIS } from "./zoneadm-lists-solaris.js";
import { ZONECFG_OMNIOS } from "./zonecfg-omnios.js";
import { ZONECFG_SOLARIS } from "./zonecfg-solaris.js";

/** Every sample's expectation, keyed by its path under fixtures/. */
export const EXPECTED: SampleGroup = {
  ...CAPTURES,
  ...ZONEADM_LISTS,
  ...ZONEADM_LISTS_SOLARIS,
  ...TABLES,
  ...OMICRON,
  ...ZONECFG_OMNIOS,
  ...ZONECFG_SOLARIS,
};
