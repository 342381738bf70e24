// Mirrors the example in README.md line for line: if this fails, the README is wrong.
import { describe, expect, it } from "vitest";
import { locate, parseDocument, updateDocument } from "./index.js";

describe("README example", () => {
  it("adds an address in place, keeps the comment, and reports no diagnostics", () => {
    const text =
      'pool "public" {\n  network "203.0.113.0/24"  // hoster\n  stub "pubstub0"\n  addresses "203.0.113.10"\n}\n';
    const parsed = parseDocument("pool", text, "pools/public.kdl");
    expect(parsed.value?.mode.kind).toBe("list");
    if (parsed.value?.mode.kind !== "list") return;
    const next = {
      ...parsed.value,
      mode: { kind: "list" as const, addresses: [...parsed.value.mode.addresses, "203.0.113.11"] },
    };
    expect(updateDocument(parsed, next).text).toBe(
      'pool "public" {\n  network "203.0.113.0/24"  // hoster\n  stub "pubstub0"\n  addresses "203.0.113.10" "203.0.113.11"\n}\n',
    );
    expect(
      parsed.diagnostics.map((d) => [d.code, d.path && locate(text, d.file!, d.path)]),
    ).toEqual([]);
  });
});
