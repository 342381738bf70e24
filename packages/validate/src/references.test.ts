import { describe, expect, it } from "vitest";
import {
  CLEAN,
  cleanWith,
  cleanWithout,
  net,
  snapshotOf,
  validateFiles,
  where,
  withCode,
} from "../test/registry.js";
import { validateProposedZone } from "./index.js";

describe("references", () => {
  it("refuses a default-template that does not exist, at its value", async () => {
    const diags = await validateFiles(
      cleanWith({ "config.kdl": `zonepath-prefix "/zones"\ndefault-template "routr"\n` }),
    );
    const found = withCode(diags, "zmgr::reference::default_template");
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe("error");
    expect(where(found[0])).toBe("config.kdl:2:18");
  });

  it("only warns when the built-in default template is missing and there is no config.kdl", async () => {
    const diags = await validateFiles(
      cleanWithout("config.kdl", "templates/oi.kdl", "zones/myzone.kdl"),
    );
    const found = withCode(diags, "zmgr::reference::default_template");
    expect(found.map((d) => [d.severity, d.file])).toEqual([["warning", undefined]]);
  });

  it("refuses a template net whose pool does not exist, at the pool name", async () => {
    const diags = await validateFiles(
      cleanWith({
        "templates/oi.kdl": `template "oi" {\n  brand "ipkg"\n  net "internal" { pool "internal" "internal-v6"; }\n}\n`,
      }),
    );
    const [d, ...rest] = withCode(diags, "zmgr::reference::template_pool");
    expect(rest).toEqual([]);
    expect(d?.path).toEqual(["template", "net", "0", "pool", "1"]);
    expect(where(d)).toBe("templates/oi.kdl:3:36");
  });

  it("suggests the name in the right case", async () => {
    const diags = await validateFiles(
      cleanWith({
        "templates/oi.kdl": `template "oi" {\n  brand "ipkg"\n  net "internal" { pool "Internal"; }\n}\n`,
      }),
    );
    expect(withCode(diags, "zmgr::reference::template_pool")[0]?.help).toContain(
      'did you mean "internal"',
    );
  });

  it("refuses a template publisher that does not exist", async () => {
    const diags = await validateFiles(
      cleanWith({
        "templates/oi.kdl": `template "oi" {\n  brand "ipkg"\n  net "internal" { pool "internal"; }\n  publisher "openindiana.org"\n  publisher "extra"\n}\n`,
      }),
    );
    const [d, ...rest] = withCode(diags, "zmgr::reference::template_publisher");
    expect(rest).toEqual([]);
    expect(d?.path).toEqual(["template", "publisher", "1"]);
    expect(where(d)).toBe("templates/oi.kdl:5:13");
  });

  it("refuses a zone whose template does not exist", async () => {
    const diags = await validateFiles(cleanWithout("templates/oi.kdl"));
    const [d, ...rest] = withCode(diags, "zmgr::reference::zone_template");
    expect(rest).toEqual([]);
    expect(d?.severity).toBe("error");
    expect(where(d)).toBe("zones/myzone.kdl:1:26");
  });

  it("warns when a zone records a pool that does not exist", async () => {
    const diags = await validateFiles(
      cleanWith({
        "zones/web1.kdl": `zone "web1" {\n  template "oi"\n  net "internal" { address "10.1.0.30/24"; vnic "web1_0"; pool "gone"; }\n}\n`,
      }),
    );
    const [d] = withCode(diags, "zmgr::reference::zone_pool");
    expect(d?.severity).toBe("warning");
    expect(where(d)).toBe("zones/web1.kdl:3:64");
  });

  it("checks the template references of a proposed zone with the same rule", async () => {
    const snapshot = await snapshotOf(cleanWithout("publishers/openindiana.org.kdl"));
    const oi = snapshot.templates.get("oi")!.parsed.value!;
    const zone = { name: "web2", nets: [net("internal", ["10.1.0.31/24"], { vnic: "web2_0" })] };
    const diags = validateProposedZone(snapshot, zone, oi);
    expect(diags.map((d) => [d.code, d.file])).toEqual([
      ["zmgr::reference::template_publisher", "templates/oi.kdl"],
    ]);
  });

  it("is silent on the clean registry", async () => {
    const diags = await validateFiles(CLEAN);
    expect(diags.filter((d) => d.code.startsWith("zmgr::reference::"))).toEqual([]);
  });
});
