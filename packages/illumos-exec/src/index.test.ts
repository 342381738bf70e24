import { describe, expect, it } from "vitest";
import * as api from "./index.js";

// The runtime exports CONTRACTS.md promises from the core half (the simulator half checks its own).
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
  "FakeExecutor",
  "illumosCommands",
];

describe("package entry", () => {
  it.each(CONTRACT)("exports %s", (name) => {
    expect((api as Record<string, unknown>)[name]).toBeDefined();
  });
});
