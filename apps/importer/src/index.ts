export { importHost } from "./import-host.js";
export type { RenderOptions } from "./render.js";
export { describeNet, renderImportReport } from "./render.js";
export type {
  ImportNetReport,
  ImportOptions,
  ImportOutcome,
  ImportReport,
  ImportReportEntry,
} from "./types.js";
