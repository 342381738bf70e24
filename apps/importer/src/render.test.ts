import { describe, expect, it } from "vitest";
import { renderImportReport } from "./render.js";
import type { ImportReport, ImportReportEntry } from "./types.js";

function report(entries: ImportReportEntry[], extra: Partial<ImportReport> = {}): ImportReport {
  const imported = entries.filter((e) => e.outcome === "imported").length;
  return {
    candidates: [],
    entries,
    imported,
    failed: 0,
    dryRun: false,
    interrupted: false,
    warnings: [],
    ...extra,
  };
}

const web1: ImportReportEntry = {
  zone: "web1",
  outcome: "imported",
  template: "oi",
  nets: [
    {
      name: "internal",
      addresses: ["10.1.0.11/24"],
      gateways: ["10.1.0.1"],
      pools: ["internal"],
      vnic: "web1_0",
      stub: "oinetint0",
    },
  ],
  file: "zones/web1.kdl",
  warnings: [],
};

describe("renderImportReport", () => {
  it("shows an imported zone with its template, nets and pools", () => {
    expect(renderImportReport(report([web1]), { color: false })).toBe(
      [
        "✔ web1 imported, template oi",
        "    net internal: 10.1.0.11/24, pool internal, gateway 10.1.0.1, vnic web1_0, over oinetint0",
        "",
        "1 zone imported.",
        "",
      ].join("\n"),
    );
  });

  it("shows a skipped zone with its reason and help line", () => {
    const lx: ImportReportEntry = {
      zone: "lx1",
      outcome: "skipped",
      code: "zmgr::import::no_template",
      reason: "no template for brand lx",
      help: "create one: zmgr template create <name> --brand lx --net net0=internal",
      warnings: [],
    };
    const text = renderImportReport(report([lx]), { color: false });
    expect(text).toContain("- lx1 skipped: no template for brand lx\n");
    expect(text).toContain(
      "    help: create one: zmgr template create <name> --brand lx --net net0=internal\n",
    );
    expect(text).toContain("Nothing imported; 1 skipped.");
  });

  it("says that a second run imports nothing because the zones are registered", () => {
    const again: ImportReportEntry = {
      zone: "web1",
      outcome: "skipped",
      code: "zmgr::import::registered",
      reason: "already registered",
      warnings: [],
    };
    expect(renderImportReport(report([again]), { color: false })).toBe(
      "- already registered: web1\n\nNothing imported; 1 already registered.\n",
    );
  });

  it("lists candidates with a help line naming the command", () => {
    const text = renderImportReport(report([], { candidates: ["a", "b"] }), {
      color: false,
      command: "zmgr-import",
    });
    expect(text).toBe(
      "Zones on this host that can be imported (2):\n  a\n  b\nhelp: name them (`zmgr-import a`) or import them all with `zmgr-import --all`\n",
    );
  });

  it("prints the files a dry run would write", () => {
    const entry: ImportReportEntry = {
      ...web1,
      outcome: "would-import",
      text: 'zone "web1" {\n  template "oi"\n}\n',
    };
    const text = renderImportReport(report([entry], { dryRun: true }), { color: false });
    expect(text).toContain(
      '    zones/web1.kdl:\n      zone "web1" {\n        template "oi"\n      }\n',
    );
    expect(text).toContain("Dry run: 1 zone would be imported, nothing written.");
  });

  it("colours only when asked", () => {
    expect(renderImportReport(report([web1]), { color: true })).toContain("\u001b[32m✔\u001b[39m");
    expect(renderImportReport(report([web1]), { color: false })).not.toContain("\u001b[");
  });
});
