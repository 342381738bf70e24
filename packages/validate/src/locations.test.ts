import type { Diagnostic } from "@zmgr/errors";
import { describe, expect, it } from "vitest";
import { CLEAN, snapshotOf } from "../test/registry.js";
import { withLocations } from "./index.js";

const d = (extra: Partial<Diagnostic>): Diagnostic => ({
  code: "zmgr::x::y",
  severity: "error",
  message: "m",
  help: "h",
  ...extra,
});

describe("withLocations", () => {
  it("locates a value by its path in the file's text", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const [out] = withLocations(snapshot, [
      d({ file: "pools/internal.kdl", path: ["pool", "reserve", "1"] }),
    ]);
    expect(out?.location).toEqual({ file: "pools/internal.kdl", line: 7, column: 23, length: 11 });
  });

  it("falls back to the document node when there is no path", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const [out] = withLocations(snapshot, [d({ file: "templates/oi.kdl" })]);
    expect(out?.location).toMatchObject({ file: "templates/oi.kdl", line: 1, column: 1 });
  });

  it("leaves located, file-less and unknown-file diagnostics as they are", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const given = [
      d({
        file: "pools/internal.kdl",
        path: ["pool"],
        location: { file: "pools/internal.kdl", line: 9, column: 9 },
      }),
      d({}),
      d({ file: "zones/gone.kdl", path: ["zone"] }),
    ];
    expect(withLocations(snapshot, given)).toEqual(given);
  });
});
