import { describe, expect, it } from "vitest";
import { cleanWith, validateFiles, where, withCode } from "../test/registry.js";

const POOL = (name: string, extra = "") =>
  `pool "${name}" {\n  network "10.9.0.0/24"\n  stub "x0"\n  range-start "10.9.0.10"\n  range-end "10.9.0.20"\n${extra}}\n`;

describe("findings of kdl-schema and the registry are passed through once", () => {
  it("reports a KDL syntax error at its position", async () => {
    const diags = await validateFiles(
      cleanWith({ "pools/bad.kdl": `pool "bad" {\n  network "10.9.0.0/24\n}\n` }),
    );
    const [syntax, ...more] = withCode(diags, "zmgr::kdl::syntax");
    expect(more).toEqual([]);
    expect(syntax?.severity).toBe("error");
    expect(where(syntax)).toBe("pools/bad.kdl:4:1");
  });

  it("reports a missing required field of a pool", async () => {
    const diags = await validateFiles(
      cleanWith({
        "pools/nonet.kdl": `pool "nonet" {\n  stub "x0"\n  range-start "10.8.0.10"\n  range-end "10.8.0.20"\n}\n`,
      }),
    );
    const found = withCode(diags, "zmgr::kdl::missing_field");
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toEqual(["pool", "network"]);
    expect(where(found[0])).toBe("pools/nonet.kdl:1:1");
  });

  it("reports a file whose node has another name exactly once", async () => {
    const diags = await validateFiles(cleanWith({ "pools/other.kdl": POOL("wrong") }));
    const found = withCode(diags, "zmgr::registry::name_mismatch");
    expect(found).toHaveLength(1);
    expect(where(found[0])).toBe("pools/other.kdl:1:1");
    expect(diags.filter((d) => d.file === "pools/other.kdl")).toHaveLength(1);
  });

  it("reports two names that differ only in case", async () => {
    const diags = await validateFiles(cleanWith({ "pools/Internal.kdl": POOL("Internal") }));
    const found = withCode(diags, "zmgr::registry::case_clash");
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe("error");
    expect(where(found[0])).toMatch(/^pools\/(Internal|internal)\.kdl:1:1$/);
  });

  it("warns about an unknown node at the node", async () => {
    const diags = await validateFiles(
      cleanWith({ "pools/unk.kdl": POOL("unk", '  colour "red"\n') }),
    );
    const [unknown] = withCode(diags, "zmgr::kdl::unknown_node");
    expect(unknown?.severity).toBe("warning");
    expect(where(unknown)).toBe("pools/unk.kdl:6:3");
  });

  it("warns about a KDL v1 file and still checks its content", async () => {
    const v1 = `pool "v1" {\n  network "10.5.0.0/24"\n  gateway "10.6.0.1"\n  stub "x0"\n  range-start "10.5.0.10"\n  range-end "10.5.0.20"\n  readonly true\n}\n`;
    const diags = await validateFiles(cleanWith({ "pools/v1.kdl": v1 }));
    const [version] = withCode(diags, "zmgr::kdl::v1_syntax");
    expect(version?.severity).toBe("warning");
    expect(where(version)).toBe("pools/v1.kdl:1:1");
    expect(where(withCode(diags, "zmgr::pool::gateway_outside_network")[0])).toBe(
      "pools/v1.kdl:3:11",
    );
  });
});
