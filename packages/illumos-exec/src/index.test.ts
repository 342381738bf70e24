import { describe, expect, it } from "vitest";
import * as api from "./index.js";

// The root API the README documents (the strict fake is in ./testing; the simulator is @zmgr/illumos-sim).
const CONTRACT = [
  "createExecaExecutor",
  "CommandFailedError",
  "CommandNotFoundError",
  "PermissionDeniedError",
  "parseZoneadmList",
  "parseZonecfgInfo",
  "parseDladmParsable",
  "IllumosHost",
  "checkZoneName",
  "checkLinkName",
  "defaultVnicName",
  "linkSafeZoneName",
  "buildZonecfgScript",
  "checkAddressFieldLength",
  "UnsafeValueError",
  "runPlan",
  "describePlan",
  "illumosCommands",
];

describe("package entry", () => {
  it.each(CONTRACT)("exports %s", (name) => {
    expect((api as Record<string, unknown>)[name]).toBeDefined();
  });
});
