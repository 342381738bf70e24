import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkEntityName, isHttpUrl } from "./names.js";

describe("checkEntityName", () => {
  it("accepts letters, digits, _ . - after a letter or digit", () => {
    for (const ok of [
      "oi",
      "openindiana.org",
      "public-v6",
      "a",
      "9net",
      "x_y.z-1",
      "a".repeat(64),
    ]) {
      expect(checkEntityName(ok)).toBeUndefined();
    }
  });

  it("refuses empty, too long, path-like and oddly starting names with a reason", () => {
    expect(checkEntityName("")).toMatch(/empty/);
    expect(checkEntityName("a".repeat(65))).toMatch(/65 characters.*64/);
    expect(checkEntityName("../etc")).toMatch(/path separator/);
    expect(checkEntityName("a/b")).toMatch(/path separator/);
    expect(checkEntityName("..")).toMatch(/path/);
    expect(checkEntityName(".hidden")).toMatch(/start with a letter or digit/);
    expect(checkEntityName("-x")).toMatch(/start with a letter or digit/);
    expect(checkEntityName("a b")).toMatch(/" "/);
    expect(checkEntityName("pööl")).toMatch(/"ö"/);
  });

  it("agrees with the SPEC pattern for any string", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (s) => {
        const ok = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(s) && s.length <= 64;
        expect(checkEntityName(s) === undefined).toBe(ok);
      }),
    );
  });
});

describe("isHttpUrl", () => {
  it("accepts http and https URLs with a host", () => {
    expect(isHttpUrl("https://pkg.openindiana.org/hipster")).toBe(true);
    expect(isHttpUrl("http://10.0.0.1:8080/")).toBe(true);
    expect(isHttpUrl("HTTPS://PKG.EXAMPLE.ORG")).toBe(true);
  });

  it("refuses other schemes, relative and malformed URLs", () => {
    for (const bad of [
      "ftp://x.org/",
      "file:///srv/repo",
      "pkg.openindiana.org",
      "https://",
      "https:// x",
      "",
      "http:/x",
    ]) {
      expect(isHttpUrl(bad), bad).toBe(false);
    }
  });
});
