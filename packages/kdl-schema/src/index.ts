export { formatDocument } from "./format.js";
export { locate } from "./locate.js";
export { checkEntityName, isHttpUrl } from "./names.js";
export { parseDocument } from "./parse.js";
export { printDocument } from "./print.js";
export type {
  Config,
  DocKind,
  DocValueMap,
  FsMount,
  NetStatus,
  Parsed,
  Pool,
  PoolMode,
  Publisher,
  Template,
  TemplateNet,
  Zone,
  ZoneAttr,
  ZoneNet,
  ZoneStatus,
} from "./types.js";
export { DEFAULT_CONFIG, DOC_KINDS } from "./types.js";
export { updateDocument } from "./update.js";
