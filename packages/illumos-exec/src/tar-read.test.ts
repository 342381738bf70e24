import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readTar, type TarMember } from "./tar-read.js";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/tar/${name}`, import.meta.url)));
const LONG = `${"l".repeat(120)}.xml`;

function textOf(member: TarMember | undefined): string | undefined {
  return member?.kind === "file" ? new TextDecoder().decode(member.data) : undefined;
}

// Contents written by hand from fixtures/tar/PROVENANCE.md.
describe("readTar", () => {
  it.each(["gnu.tar", "pax.tar", "ustar.tar"])(
    "reads the members GNU tar wrote in %s, hard links resolved to their data",
    (name) => {
      const members = readTar(fixture(name));
      expect(textOf(members.get("web.xml"))).toBe('<zone name="web"/>\n');
      expect(textOf(members.get("web.xml~"))).toBe('<zone name="web"/>\n');
      expect(textOf(members.get("index"))).toBe("global:installed:/\n");
      expect(members.get("link.xml")).toEqual({ kind: "symlink", target: "web.xml" });
      expect(textOf(members.get("sub/a"))).toBe("x\n");
    },
  );

  it.each(["gnu.tar", "pax.tar"])("reads the 124-character name of %s", (name) => {
    expect(textOf(readTar(fixture(name)).get(LONG))).toBe("long\n");
  });

  it("refuses a stream whose header checksum is wrong", () => {
    const bytes = fixture("ustar.tar").slice();
    bytes[600] = (bytes[600] ?? 0) ^ 1;
    expect(() => readTar(bytes)).toThrow(/checksum/);
  });

  it("refuses a stream cut inside a member or before its end-of-archive block", () => {
    const bytes = fixture("ustar.tar");
    expect(() => readTar(bytes.subarray(0, 1024 + 100))).toThrow(/truncated|ends/);
    expect(() => readTar(bytes.subarray(0, 512))).toThrow(/end-of-archive/);
    expect(() => readTar(new Uint8Array())).toThrow(/end-of-archive/);
  });

  it("refuses text that is not a tar stream", () => {
    const junk = new Uint8Array(1024).fill(0x41);
    expect(() => readTar(junk)).toThrow(/zmgr|checksum|tar/);
  });
});
