import type { Diagnostic } from "@zmgr/errors";
import { describe, expect, it } from "vitest";
import { passes, renderJson, summaryLine, validationExitCode } from "./index.js";

const warning: Diagnostic = {
  code: "zmgr::pool::nearly_full",
  severity: "warning",
  message: "pool p is 95.0 % used",
  help: "add addresses",
  file: "pools/p.kdl",
  path: ["pool"],
  location: { file: "pools/p.kdl", line: 1, column: 1 },
};
const error: Diagnostic = {
  code: "zmgr::host::stub_missing",
  severity: "error",
  message: "m",
  help: "h",
};

describe("renderJson", () => {
  it("has ok, counts and the diagnostics with camelCase keys", () => {
    expect(renderJson([warning, error])).toEqual({
      ok: false,
      errors: 1,
      warnings: 1,
      diagnostics: [
        {
          code: "zmgr::pool::nearly_full",
          severity: "warning",
          message: "pool p is 95.0 % used",
          help: "add addresses",
          file: "pools/p.kdl",
          path: ["pool"],
          location: { file: "pools/p.kdl", line: 1, column: 1 },
        },
        { code: "zmgr::host::stub_missing", severity: "error", message: "m", help: "h" },
      ],
    });
  });

  it("is ok with warnings only, and survives JSON.stringify unchanged", () => {
    const doc = renderJson([warning]);
    expect(doc.ok).toBe(true);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe("exit rule", () => {
  it("fails on errors and passes on warnings alone", () => {
    expect(validationExitCode([warning, error])).toBe(1);
    expect(validationExitCode([warning])).toBe(0);
    expect(validationExitCode([])).toBe(0);
    expect(passes([warning])).toBe(true);
    expect(passes([error])).toBe(false);
  });

  it("summarises with singular and plural counts", () => {
    expect(summaryLine([error, error, warning])).toBe("2 errors, 1 warning");
    expect(summaryLine([])).toBe("0 errors, 0 warnings");
  });
});
