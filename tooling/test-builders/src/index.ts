export type { Files } from "./files.js";
export { writeFiles } from "./files.js";
export { SPEC_REGISTRY } from "./spec-registry.js";
