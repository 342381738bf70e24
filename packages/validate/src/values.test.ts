import { describe, expect, it } from "vitest";
import {
  CLEAN,
  cleanWith,
  net,
  snapshotOf,
  validateFiles,
  where,
  withCode,
} from "../test/registry.js";
import { validateProposedZone } from "./index.js";

describe("values written into zonecfg scripts", () => {
  it("refuses a template value with a double quote, at the value", async () => {
    const diags = await validateFiles(
      cleanWith({
        "templates/oi.kdl": `template "oi" {\n  brand "ipkg"\n  net "internal" { pool "internal"; }\n  attr "motd" "say \\"hi\\""\n  publisher "openindiana.org"\n}\n`,
      }),
    );
    const [d, ...rest] = withCode(diags, "zmgr::value::unsafe");
    expect(rest).toEqual([]);
    expect(d?.message).toContain("a double quote");
    expect(where(d)).toBe("templates/oi.kdl:4:3");
  });

  it("refuses a line break in a dataset name", async () => {
    const diags = await validateFiles(
      cleanWith({
        "templates/oi.kdl": `template "oi" {\n  brand "ipkg"\n  net "internal" { pool "internal"; }\n  dataset "tank/a\\nb"\n  publisher "openindiana.org"\n}\n`,
      }),
    );
    expect(withCode(diags, "zmgr::value::unsafe")[0]?.message).toContain("a line break");
  });

  it("allows commas in attr values (resolver lists) but not in a proposed zone's gateway", async () => {
    const snapshot = await snapshotOf(CLEAN);
    const router = snapshot.templates.get("router")!.parsed.value!;
    const proposed = {
      name: "web7",
      nets: [
        net("internal", ["10.1.0.70/24"], {
          vnic: "web7_0",
          gateways: ["10.1.0.1,10.1.0.2"],
          pools: ["internal"],
        }),
        net("public", ["203.0.113.11/24"], { vnic: "web7pub1", pools: ["public"] }),
      ],
    };
    const diags = validateProposedZone(snapshot, proposed, router);
    expect(diags.map((d) => [d.code, d.path?.join(".")])).toEqual([
      ["zmgr::value::unsafe", "zone.net.0.gateway.0"],
    ]);
    expect(diags[0]?.message).toContain("a comma");
  });

  it("refuses attr names and string values zonecfg would refuse, at the attr", async () => {
    const long = "x".repeat(256);
    const diags = await validateFiles(
      cleanWith({
        "templates/oi.kdl": `template "oi" {\n  brand "ipkg"\n  net "internal" { pool "internal"; }\n  attr "_motd" "hi"\n  attr "banner" "${long}"\n  attr "ok.name-1" "${"y".repeat(255)}"\n  publisher "openindiana.org"\n}\n`,
      }),
    );
    const found = withCode(diags, "zmgr::template::invalid_attr");
    expect(found.map(where)).toEqual(["templates/oi.kdl:4:3", "templates/oi.kdl:5:3"]);
    expect(found[0]?.message).toContain("name zonecfg refuses");
    expect(found[1]?.message).toContain("256 characters");
  });
});
