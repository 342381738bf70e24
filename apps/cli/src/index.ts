export type { CliContext, CliDeps, ExecutorRequest, GlobalOptions } from "./deps.js";
export { createProgram } from "./program.js";
export { runCli } from "./run.js";
export { VERSION } from "./version.js";
