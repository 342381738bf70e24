// `@zmgr/illumos-exec/testing`: the strict scripted fake and the formatters that write outputs
// in the exact shape the parsers read (for fakes and simulators). Not loaded by the root entry.

export { escapeDladmValue, formatDladmParsable } from "./dladm-parse.js";
export { type ArgMatcher, FakeExecutor, type FakeOutput } from "./fake-executor.js";
export { NET_ATTRS } from "./zone-xml.js";
export { escapeZonepath, formatZoneadmLine } from "./zoneadm-list.js";
